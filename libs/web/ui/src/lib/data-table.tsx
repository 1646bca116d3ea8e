import type { ReactNode } from 'react';

/** A scrollable table with column headers; `children` are the body rows. Null headers are left out. */
export function DataTable({
  testId,
  headers,
  children,
}: {
  testId: string;
  headers: ReactNode[];
  children: ReactNode;
}) {
  return (
    <div className="table-wrap">
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            {headers
              .filter((header) => header !== null && header !== undefined)
              .map((header, index) => (
                <th scope="col" key={index}>
                  {header}
                </th>
              ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

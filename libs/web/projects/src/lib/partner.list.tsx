import type { PartnerDto } from '@roundtable/contracts';

export function PartnerList({ partners, emptyText }: { partners: PartnerDto[]; emptyText: string }) {
  if (partners.length === 0) return <p className="muted">{emptyText}</p>;
  return (
    <ul className="partner-list">
      {partners.map((partner) => (
        <li key={partner.id}>
          <abbr title={partner.fullName}>{partner.shortName}</abbr>
          <span className="muted">
            {' '}
            · {partner.fullName} ({partner.country})
          </span>
        </li>
      ))}
    </ul>
  );
}

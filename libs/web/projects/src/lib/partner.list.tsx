import type { PartnerDto } from '@roundtable/contracts';
import styles from './projects.module.css';

export function PartnerList({ partners, emptyText }: { partners: PartnerDto[]; emptyText: string }) {
  if (partners.length === 0) return <p className="muted">{emptyText}</p>;
  return (
    <ul className={styles.partnerList}>
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

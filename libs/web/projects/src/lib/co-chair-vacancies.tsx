import { useTranslation } from 'react-i18next';
import type { CoChairVacancyDto } from '@roundtable/contracts';
import { useLocale } from '@roundtable/web-i18n';
import { formatDay } from '@roundtable/web-ui';
import { regionLabel } from './labels';
import styles from './projects.module.css';

/**
 * Missing co-chairs (a seat never filled, or one a coordinator confirmed as empty with the reason), shown on the group page
 * and the balance report until a co-chair of that region is appointed. `withGroup` names the group too.
 */
export function CoChairVacancies({ vacancies, withGroup }: { vacancies: CoChairVacancyDto[]; withGroup?: boolean }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  if (vacancies.length === 0) return null;
  return (
    <ul className={styles.vacancies} data-testid="co-chair-vacancies">
      {vacancies.map((vacancy) => (
        <li
          key={`${vacancy.workingGroupId}-${vacancy.region}`}
          className="alert alert--warning"
          data-testid="co-chair-vacancy"
          data-region={vacancy.region}
        >
          <strong>
            {withGroup
              ? t('coChairVacancy.titleWithGroup', {
                  group: vacancy.workingGroupCode,
                  region: regionLabel(t, vacancy.region),
                })
              : t('coChairVacancy.title', { region: regionLabel(t, vacancy.region) })}
          </strong>{' '}
          {vacancy.openedAt ? (
            <span>
              {vacancy.previousDisplayName
                ? t('coChairVacancy.since', {
                    name: vacancy.previousDisplayName,
                    date: formatDay(vacancy.openedAt.slice(0, 10), locale),
                  })
                : t('coChairVacancy.sinceDate', { date: formatDay(vacancy.openedAt.slice(0, 10), locale) })}
            </span>
          ) : (
            <span data-testid="co-chair-unrecorded">{t('coChairVacancy.unrecorded')}</span>
          )}
          {vacancy.reason ? (
            <>
              <br />
              <span>{t('coChairVacancy.reason', { reason: vacancy.reason })}</span>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

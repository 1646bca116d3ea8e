import { Link } from 'react-router-dom';
import { useMessages } from '@roundtable/web-i18n';
import { recommendationsMessages } from './recommendations.messages';

/** The way to the registry from the Papers page. */
export function RecommendationsLink() {
  const { t } = useMessages(recommendationsMessages);
  return (
    <p>
      <Link to="/recommendations" data-testid="recommendations-link">
        {t('recommendations.link')}
      </Link>
    </p>
  );
}

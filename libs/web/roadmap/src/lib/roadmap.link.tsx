import { Link } from 'react-router-dom';
import { useMessages } from '@roundtable/web-i18n';
import { roadmapMessages } from './roadmap.messages';

/** The way to the roadmap from the Papers page. */
export function RoadmapLink() {
  const { t } = useMessages(roadmapMessages);
  return (
    <p>
      <Link to="/roadmap" data-testid="roadmap-link">
        {t('roadmap.link')}
      </Link>
    </p>
  );
}

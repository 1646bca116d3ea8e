import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useSession } from '@roundtable/web-auth';
import { useLocale, useMessages } from '@roundtable/web-i18n';
import { ErrorMessage, Loading } from '@roundtable/web-ui';
import { NoticeMarkdown } from './notice-markdown';
import { privacyMessages } from './privacy.messages';
import { usePrivacyNotice } from './privacy.queries';
import styles from './privacy.module.css';

/** /privacy, public: the current notice in the reader's language (controller, storage, recipients, rights). */
export function PrivacyNoticePage() {
  const { t } = useMessages(privacyMessages);
  const { locale } = useLocale();
  const notice = usePrivacyNotice(locale);
  const { user } = useSession();
  const [search] = useSearchParams();
  const erased = search.get('erased');

  useEffect(() => {
    document.title = `${t('privacy.noticeTitle')} · ${t('app.name')}`;
  }, [t]);

  return (
    <main className={`page ${styles.notice}`} id="main" data-testid="privacy-notice">
      {erased && /^\d+$/.test(erased) ? (
        <p className="alert alert--success" role="status" data-testid="erased">
          {t('privacy.erased', { number: erased })}
        </p>
      ) : null}
      {notice.state === 'loading' ? <Loading /> : null}
      {notice.state === 'error' ? <ErrorMessage error={notice.error} onRetry={notice.reload} /> : null}
      {notice.state === 'ready' ? <NoticeMarkdown markdown={notice.data.markdown} /> : null}
      {user ? (
        <p>
          <Link to="/account/privacy">{t('privacy.settingsLink')}</Link>
        </p>
      ) : null}
    </main>
  );
}

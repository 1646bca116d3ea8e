import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { erasePasswordResetsOf } from '@roundtable/api-accounts';
import { recordAudit } from '@roundtable/api-audit';
import {
  AuthService,
  eraseAccount,
  formerMemberEmail,
  formerMemberName,
  type AuthenticatedUser,
} from '@roundtable/api-auth';
import { revokeCalendarFeedsOf } from '@roundtable/api-calendars';
import { DocumentStore } from '@roundtable/api-collaboration';
import { eraseCommentMentionsOf } from '@roundtable/api-comments';
import { PublicationAuthorsCommand } from '@roundtable/api-exports';
import { eraseInvitationsOf } from '@roundtable/api-invitations';
import { eraseMailOf } from '@roundtable/api-mail';
import { eraseNotificationsOf, NotificationsCommands } from '@roundtable/api-notifications';
import { eraseApplicationsOf } from '@roundtable/api-open-call';
import { ApiException } from '@roundtable/api-platform';
import { erasePerson } from '@roundtable/api-projects';
import { ErrorCode } from '@roundtable/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { PrivacyRepository } from './privacy.repository';

/**
 * Erasing one's own account (issue 17 item 4, ADR 043): pseudonymised in place. The account and person rows
 * stay, so what they wrote and decided keeps its author, but under "Former member #n"; name, address,
 * affiliation and profile go from every table that held them (through each owner's writer), sessions,
 * calendar feeds, invitations and reset links are revoked, one's own notifications and exports are deleted,
 * published author lists are rendered again without them. Free text that still names them (comments,
 * document text, minutes) is not rewritten: the documents' editors are told, and the documents' stored
 * history is compacted through a garbage-collected doc so text they delete is gone from storage too.
 */
@Injectable()
export class ErasureCommand {
  private readonly logger = new Logger(ErasureCommand.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly repository: PrivacyRepository,
    private readonly publicationAuthors: PublicationAuthorsCommand,
    private readonly notifications: NotificationsCommands,
    private readonly documents: DocumentStore,
  ) {}

  async erase(user: AuthenticatedUser, password: string, clientAddress: string): Promise<{ formerMember: number }> {
    if (!(await this.auth.verifyPassword(user.email, password, clientAddress)))
      throw new ApiException(ErrorCode.ValidationFailed, 'Invalid erasure', {
        fields: [
          { field: 'password', message: 'password is not the password of this account', code: 'currentPasswordWrong' },
        ],
      });
    const { number, ended, flagged } = await this.dataSource.transaction(async (manager) => {
      const [person]: Array<{ display_name: string; email: string } | undefined> = user.personId
        ? await manager.query('SELECT display_name, email FROM people WHERE id = $1', [user.personId])
        : [];
      const names = [...new Set([user.displayName, person?.display_name].filter((n): n is string => !!n))];
      const emails = [...new Set([user.email, person?.email].filter((e): e is string => !!e))];
      const account = await eraseAccount(manager, user.id);
      const pseudonym = { name: formerMemberName(account.number), email: formerMemberEmail(account.number) };
      if (user.personId) {
        await erasePerson(manager, user.personId, pseudonym);
        await this.publicationAuthors.removeAuthor(manager, user.personId);
      }
      const ended = await this.auth.revokeSessions(manager, { userId: user.id });
      await revokeCalendarFeedsOf(manager, user.id);
      await erasePasswordResetsOf(manager, user.id);
      await eraseNotificationsOf(manager, user.id, names, pseudonym.name);
      for (const email of emails) {
        await eraseInvitationsOf(manager, { personId: user.personId, email }, pseudonym);
        await eraseMailOf(manager, { email, names }, pseudonym);
        await eraseApplicationsOf(manager, email, pseudonym);
      }
      const flagged = new Set(
        user.personId ? await eraseCommentMentionsOf(manager, user.personId, names, pseudonym.name) : [],
      );
      for (const id of await this.documentsNaming(manager, names)) flagged.add(id);
      await this.publicationAuthors.clearExportCache(manager);
      await this.repository.deleteExportsOf(manager, user.id);
      for (const documentId of flagged) await this.tellEditors(manager, documentId, pseudonym.name);
      await recordAudit(manager, {
        actorUserId: user.id,
        action: 'privacy.erased',
        subjectType: 'user',
        subjectId: user.id,
        details: { formerMember: account.number, flaggedDocuments: flagged.size },
      });
      return { number: account.number, ended, flagged };
    });
    this.auth.announceEnded(ended);
    for (const documentId of flagged)
      await this.documents
        .compact(documentId)
        .catch((error: unknown) =>
          this.logger.warn(`compaction of ${documentId} after an erasure failed: ${(error as Error).message}`),
        );
    return { formerMember: number };
  }

  /**
   * Documents whose stored text names the person: the latest stored state (snapshot and tail hold the
   * text as UTF-8) or a version's text. A heuristic for the editors, never a rewrite.
   */
  private async documentsNaming(manager: EntityManager, names: string[]): Promise<string[]> {
    const needles = names.filter((name) => name.trim().length >= 3);
    if (needles.length === 0) return [];
    const rows: Array<{ document_id: string }> = await manager.query(
      `SELECT document_id FROM document_snapshots s
        WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) n WHERE position(convert_to(n, 'UTF8') IN s.state) > 0)
       UNION
       SELECT document_id FROM document_updates u
        WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) n WHERE position(convert_to(n, 'UTF8') IN u.data) > 0)
       UNION
       SELECT document_id FROM document_versions v
        WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) n WHERE strpos(v.text, n) > 0)`,
      [needles],
    );
    return rows.map((row) => row.document_id);
  }

  /** The document's editors (its group's co-chairs and the project's coordinators) see it in the app. */
  private async tellEditors(manager: EntityManager, documentId: string, pseudonym: string): Promise<void> {
    const editors: Array<{ person_id: string; title_en: string; title_zh: string }> = await manager.query(
      `SELECT DISTINCT x.person_id, d.title_en, d.title_zh FROM documents d
         JOIN LATERAL (
           SELECT m.person_id FROM memberships m WHERE m.working_group_id = d.working_group_id
              AND m.role = 'co-chair' AND m.left_on IS NULL
           UNION SELECT pr.person_id FROM project_roles pr WHERE pr.project_id = d.project_id
              AND pr.role = 'coordinator' AND pr.revoked_at IS NULL
         ) x ON true
        WHERE d.id = $1`,
      [documentId],
    );
    for (const editor of editors)
      await this.notifications.notify(manager, {
        recipient: { personId: editor.person_id },
        kind: 'privacy',
        title: {
          en: `“${editor.title_en}” may still name a member who erased their account (now ${pseudonym}): please check its text and comments.`,
          zh: `“${editor.title_zh || editor.title_en}”中可能仍提到一位已删除账户的成员（现为 ${pseudonym}）：请检查其正文和评论。`,
        },
        link: `/documents/${documentId}`,
      });
  }
}

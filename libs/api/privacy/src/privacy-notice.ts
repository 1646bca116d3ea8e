import type { Locale } from '@roundtable/contracts';

/**
 * The privacy notice, versioned (ADR 043). A new version is a new entry here (the old ones stay, so every
 * recorded consent can be read against the text that was shown); `CURRENT_NOTICE_VERSION` names the one shown.
 * docs/privacy.md is the field-by-field register behind it.
 */
export const CURRENT_NOTICE_VERSION = '2026-12-07';

const EN_2026_12_07 = `# Privacy notice

Version 2026-12-07.

## Who is responsible

The controller is the coordinating partner of the project that runs this Roundtable installation, named on
the project page (for IC2PerMed: the project coordinator's institution). Write to the project coordinator
through the contact address of the project; every request about your data is answered within one month
(GDPR) and within the time PIPL sets.

## Where your data is kept

Everything is stored in one PostgreSQL database run by the controller in the European Union. Nothing is
sent to other services by the browser; mail goes through the controller's own mail server.

## Who receives it outside the country where it is kept

Members of the project in the People's Republic of China (co-chairs, experts, advisory board members) read
the directory, documents, minutes and comments from China. This is a cross-border transfer under the GDPR
(EU → China) and under the PIPL (China → EU): we ask for it separately, and you may withdraw it.

## What we keep and why

- **Your account** (name, email address, language, sign-ins): to let you take part — needed for the account.
- **Being listed in the people directory** (name, country, affiliation, sector, expertise): so other members
  find you. You may withdraw: you disappear from the directory at once.
- **Your name on published papers**: only with your consent, per paper list; withdrawing removes your name from
  every published author list on the next render.
- **Optional profile data** such as gender: only for the project's balance report; withdrawing deletes it.
- Comments, contributions to documents, minutes actions and decisions: to keep the project's record.

The register of every field, its purpose, legal basis and retention is docs/privacy.md in the source code.

## How long

Sign-in attempts and their addresses: 30 days. Applicants' addresses: 30 days. Unaccepted invitations: 90 days
after they expired. Password reset links: 7 days after they expired. Outside reviewers' contact data: 90 days
after their round closed. Everything else: as long as the project runs, or until you erase your account.

## Your rights

On **Privacy** in your account menu you can read and change every consent, download all your data (a ZIP of
JSON and Markdown, the link valid 7 days) and erase your account. Erasure keeps what you wrote for the
project's record but under "Former member #n": your name, email address, affiliation and profile are
removed, your sessions, calendar feeds and invitations are revoked. You may also complain to your data
protection authority (in China: the Cyberspace Administration).
`;

const ZH_2026_12_07 = `# 隐私声明

版本 2026-12-07。

## 谁负责

个人信息处理者（数据控制者）为运行本 Roundtable 的项目协调单位，名称见项目页面（IC2PerMed：项目协调人所在机构）。
请通过项目联系地址联系项目协调人；关于您个人信息的每项请求，我们将在一个月内（GDPR）并在《个人信息保护法》规定的期限内答复。

## 数据存放在哪里

所有数据存放在处理者于欧洲联盟运行的一个 PostgreSQL 数据库中。浏览器不会向其他服务发送任何数据；邮件通过处理者自己的邮件服务器发送。

## 境外接收方

项目在中华人民共和国的成员（联合主席、专家、顾问委员会成员）从中国阅读名录、文件、会议纪要和评论。
这在 GDPR（欧盟 → 中国）和《个人信息保护法》（中国 → 欧盟）下均属跨境传输：我们单独征求您的同意，您可以撤回。

## 我们保存什么、为什么

- **您的账户**（姓名、电子邮箱、语言、登录记录）：使您能够参与项目——账户所必需。
- **列入人员名录**（姓名、国家、机构、领域、专长）：使其他成员能找到您。您可以撤回：您将立即从名录中消失。
- **在已发布论文上署名**：仅在您同意时；撤回后，您的姓名将在下次生成时从所有已发布的作者列表中移除。
- **可选的个人资料**（如性别）：仅用于项目的平衡报告；撤回即删除。
- 评论、对文件的贡献、会议纪要中的行动项和决定：用于保存项目记录。

每个字段的用途、法律依据和保存期限见源代码中的 docs/privacy.md。

## 保存多久

登录尝试及其地址：30 天。申请人的地址：30 天。未接受的邀请：过期后 90 天。密码重置链接：过期后 7 天。
外部评审人的联系信息：评审轮次结束后 90 天。其他一切：项目运行期间，或直到您删除账户。

## 您的权利

在账户菜单的 **隐私** 中，您可以查看和更改每项同意、下载您的全部数据（JSON 和 Markdown 的 ZIP 文件，链接 7 天内有效），
以及删除您的账户。删除后，您为项目所写的内容以"Former member #n"（前成员 #n）的名义保留：您的姓名、电子邮箱、机构和个人资料将被删除，
您的会话、日历订阅和邀请将被撤销。您也可以向数据保护机构投诉（在中国：国家互联网信息办公室）。
`;

export const PRIVACY_NOTICES: Record<string, Record<Locale, string>> = {
  '2026-12-07': { en: EN_2026_12_07, 'zh-CN': ZH_2026_12_07 },
};

export function privacyNotice(locale: Locale, version = CURRENT_NOTICE_VERSION): string {
  return PRIVACY_NOTICES[version][locale];
}

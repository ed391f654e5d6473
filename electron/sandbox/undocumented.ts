// Behaviour Google leaves undocumented, and the reading the sandbox chose (the
// most conservative one a client can rely on least). Served in
// /sandbox/capabilities and listed in electron/sandbox/README.md.

export interface UndocumentedChoice {
  topic: string;
  choice: string;
}

export const UNDOCUMENTED_CHOICES: readonly UndocumentedChoice[] = [
  {
    topic: 'cases.search / cases.list order',
    choice: 'updateTime ascending, then name. Google documents no order, so a client must not move a watermark before the last page.',
  },
  { topic: 'comments.list order', choice: "newest first (what Google's own Slackbot sample assumes)" },
  {
    topic: 'page sizes',
    choice: 'default 10; larger requests are clamped to 1000 for cases and 100 for comments, attachments and classifications',
  },
  {
    topic: 'IAM denial body',
    choice:
      '403 PERMISSION_DENIED "The caller does not have permission" with ErrorInfo reason IAM_PERMISSION_DENIED, domain iam.googleapis.com, metadata {permission, resource}. The same answer whether or not the parent exists, so nothing leaks; a client should key on the 403 alone.',
  },
  {
    topic: 'unknown case under a readable parent',
    choice: '404 NOT_FOUND (the parent is checked first, so an unreadable parent always answers 403)',
  },
  {
    topic: 'case names under projects',
    choice: 'returned with the project number (projects/123…/cases/…); the project id is accepted in request paths',
  },
  { topic: 'state of a new case', choice: 'NEW' },
  {
    topic: 'changing a closed case',
    choice:
      'patch, comment, escalate, upload and close on a CLOSED case answer 400 FAILED_PRECONDITION with PreconditionFailure type CASE_STATE',
  },
  {
    topic: 'escalating without a support offering that includes escalations',
    choice: "400 FAILED_PRECONDITION with PreconditionFailure type SUPPORT_OFFERING; the offering is the demo world's, never on the wire",
  },
  {
    topic: 'Reseller API: customer that turned reseller access off',
    choice:
      'still listed by subscriptions.list (the subscriptions are still resold); customers.get and subscriptions.get answer 403 forbidden',
  },
  {
    topic: 'Reseller API: transferred, foreign and unknown customers',
    choice:
      'all answer 403 forbidden (Google documents 404 notFound for a customer that does not exist; the sandbox does not confirm existence). A transferred customer leaves subscriptions.list.',
  },
  {
    topic: 'IAM after a transfer',
    choice: "a customer that transfers away also removes the old reseller's members from its organization's IAM policy",
  },
  { topic: 'organizations:search page size', choice: 'default 100 ("the server picks"), clamped to 1000' },
  {
    topic: 'free text in cases.search',
    choice: 'all words of each phrase must occur in the title, description or a comment; case and accents folded; CJK by character bigrams',
  },
  {
    topic: 'ID token times',
    choice:
      'iat/exp use wall time (clients compare them with their own clock); token lifetimes and the reopen window use the sandbox clock',
  },
];

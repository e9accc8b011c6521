/**
 * The /submit/ form without React: what the fields hold → the flags `npm run new -- event --yes`
 * takes → the same front matter (via mapRow, exactly as scripts/new.ts does) → the file text and
 * path from scaffold.ts → the problems the schema and the validator find, each tied to a field.
 *
 * The validator runs for real (validate.ts `validateContent`) over the new file plus stand-ins for
 * the organizer, venue, observance and vocabularies it names, built from the page's list of known
 * ids: references and vocabulary labels are checked as `npm run validate` checks them.
 *
 * Pure and browser-safe: no node:, no clock (pass `today`), and no pinyin: slug.ts pulls in
 * pinyin-pro (≈ 140 KB gzipped), so the caller loads it when it is needed and passes `slugify`.
 *
 * This file is the one entry point; the parts sit in submit-form/: the fields (fields.ts), the
 * lists to choose from (choices.ts), the check (check.ts), its problems (problems.ts) and where a
 * submission goes (links.ts).
 */
export {
  EMPTY_FORM,
  FIELD_LABELS,
  FIELD_SCHEMA_PATH,
  fieldHelp,
  FORM_FIELDS,
  FORM_HINTS,
  type FormField,
  type ListField,
  NEW_ORGANIZER,
  ORG_FIELDS,
  type OrgField,
  type Place,
  type SubmitForm,
} from './submit-form/fields.ts';
export { type Choice, decodeChoices, encodeChoices, standInFiles, type SubmitChoices, submitChoices } from './submit-form/choices.ts';
export { buildSubmission, type Flags, formFlags, type Submission, submissionFiles, type SubmitOptions, type SubmittedFile } from './submit-form/check.ts';
export { type FieldProblem, fieldOf, splitMessage } from './submit-form/problems.ts';
export {
  DEFAULT_BRANCH,
  DEFAULT_REPO,
  filesAsText,
  GITHUB_URL_MAX,
  type GithubLink,
  type MailSummary,
  newFileLink,
  newIssueLink,
  repoSlug,
  submissionIssueLink,
  submissionMailLink,
} from './submit-form/links.ts';

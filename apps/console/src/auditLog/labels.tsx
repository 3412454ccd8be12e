import { Box } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { TranslateFunction } from 'react-admin';
import { auditGerman } from './messages';

const A = 'genq_audit';

/**
 * What an audit action key means, in the user's language. Keys that carry a kind
 * (`intervention.pause`, `intervention.batch.remind_now`, `process.review_decided`,
 * `report.review.accepted`, `http.post`) are said with a template; an unknown key is shown as it is.
 */
export function auditActionLabel(action: string, translate: TranslateFunction): string {
  const word = (key: string, value: string) => translate(`${A}.${key}.${value}`, { _: value });
  const kind = (value: string) => translate(`process.intervention.kind.${value}`, { _: value });
  let m: RegExpExecArray | null;
  if ((m = /^intervention\.batch\.(\w+)$/.exec(action))) return translate(`${A}.template.batch`, { kind: kind(m[1] as string) });
  if ((m = /^intervention\.(\w+)$/.exec(action))) return translate(`${A}.template.intervention`, { kind: kind(m[1] as string) });
  if ((m = /^process\.(\w+)$/.exec(action))) return translate(`${A}.template.process`, { event: word('event', m[1] as string) });
  if ((m = /^(report|agreement)\.review\.(\w+)$/.exec(action))) {
    return translate(`${A}.template.${m[1]}_review`, { decision: word('decision', m[2] as string) });
  }
  if ((m = /^http\.(\w+)$/.exec(action))) return translate(`${A}.template.http`, { method: (m[1] as string).toUpperCase() });
  return translate(`${A}.action.${action}`, { _: action });
}

/** Resource types the audit log knows; labels under `genq_audit.resource.*`. */
export const RESOURCE_TYPES = Object.keys(auditGerman.genq_audit.resource);

export function auditResourceLabel(type: string, translate: TranslateFunction): string {
  return translate(`${A}.resource.${type}`, { _: type });
}

/** The action's label; the raw key only as tooltip (operators search the log by it; nobody has to read it). */
export const AuditAction = ({ action }: { action: string }) => {
  const translate = useTranslate();
  const label = auditActionLabel(action, translate);
  return (
    <Box component="span" title={action} data-testid="audit-action">
      {label}
    </Box>
  );
};

/** The resource type's label; the raw type as tooltip. */
export const AuditResource = ({ type }: { type: string }) => {
  const translate = useTranslate();
  return (
    <Box component="span" title={type}>
      {auditResourceLabel(type, translate)}
    </Box>
  );
};

import type { NotificationRequest } from '@genq/contracts';

/** A person a quarter's membership names, as the recipient rule needs them. */
export interface NamedPerson {
  name: string;
  email: string | null;
}

/** What the outbox stores of a request: its recipient decided, the role it was sent to dropped. */
export type RecipientDecided = Omit<NotificationRequest, 'recipientRole'>;

/**
 * Who receives a reminder the process addressed to an organisation's role (`recipientRole`,
 * "Projektleitung <housing company>" without an address): the person the quarter's membership
 * in that role names, by name and e-mail, preferring one with an address when several
 * memberships have that role (in the order given). The greeting the process wrote for the role
 * greets the person instead. A request that names its recipient (a person given by `reassign`,
 * the programme office) or a membership that names nobody leaves the request as it is.
 */
export function decideRecipient(req: NotificationRequest, named: readonly NamedPerson[]): RecipientDecided {
  const { recipientRole, ...rest } = req;
  if (!recipientRole || req.recipientEmail) return rest;
  const person = named.find((p) => !!p.email?.trim()) ?? named[0];
  if (!person) return rest;
  const email = person.email?.trim() || null;
  const greeting = req.recipientName ? `Guten Tag ${req.recipientName},` : 'Guten Tag,';
  const body = rest.body.startsWith(greeting) ? `Guten Tag ${person.name},${rest.body.slice(greeting.length)}` : rest.body;
  return { ...rest, recipientName: person.name, recipientEmail: email, body };
}

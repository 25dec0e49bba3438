import { isRegwatchError } from '@regwatch/core';
import { renderCheckInboxPage, renderSubscribePage } from '@regwatch/render';
import { sendNotice, sendPage } from '../../plugins/pages.ts';
import { closedMessage, type Subscriptions } from '../../subscriptions/context.ts';
import { type FormFields, preferencesFromForm } from '../../subscriptions/preferences-input.ts';
import { checkedSignUp, signUp } from '../../subscriptions/sign-up.ts';
import type { FastifyTypeBox } from '../../types.ts';

const closedNotice = { title: 'Sign-ups are closed', message: `Sorry: ${closedMessage}.` };

/**
 * The filter a link to the form carries (`/subscribe?jurisdiction=GB`, from the newsfeed's
 * "subscribe to this"), as the form's choices. Not checked here: only what the form lists can be
 * preselected, and the POST checks what is sent.
 */
function preferencesFromQuery(query: unknown) {
  const fields: Record<string, string[]> = {};
  for (const [name, value] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    fields[name] = (Array.isArray(value) ? value : [value]).map(String);
  }
  const raw = preferencesFromForm(fields);
  return Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== undefined));
}

/** GET /subscribe: the form (its choices prefilled from the query's filter); POST /subscribe: the same sign-up as POST /v1/subscriptions, from the form. */
export function subscribeFormRoutes(app: FastifyTypeBox, subscriptions: Subscriptions): void {
  app.get('/subscribe', { schema: { hide: true } }, async (request, reply) => {
    if (!subscriptions.open(request.log)) return sendNotice(reply, 503, closedNotice);
    return sendPage(reply, 200, renderSubscribePage({ preferences: preferencesFromQuery(request.query) }));
  });

  app.post('/subscribe', { schema: { hide: true } }, async (request, reply) => {
    if (!subscriptions.open(request.log)) return sendNotice(reply, 503, closedNotice);
    const form: FormFields = (request.body as FormFields | undefined) ?? {};
    const email = form.email?.[0] ?? '';
    const raw = preferencesFromForm(form);
    let checked: ReturnType<typeof checkedSignUp>;
    try {
      checked = checkedSignUp({ email, ...raw }, 'form field');
    } catch (error) {
      if (!isRegwatchError(error)) throw error;
      // The form again, with what was entered (as typed: the address is the sender's own) and the problem.
      const preferences = { ...raw };
      for (const key of Object.keys(preferences) as (keyof typeof preferences)[]) {
        if (preferences[key] === undefined) delete preferences[key];
      }
      return sendPage(reply, 400, renderSubscribePage({ email, preferences, error: `${error.message}.` }));
    }
    const outcome = await signUp(subscriptions, request, checked);
    if (!outcome.accepted) {
      reply.header('retry-after', String(outcome.refusal.retryAfterSeconds));
      return sendNotice(reply, 429, { title: 'Too many sign-ups', message: `Sorry: ${outcome.refusal.message}.` });
    }
    return sendPage(reply, 202, renderCheckInboxPage());
  });
}

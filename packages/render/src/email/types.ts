/** A message's three parts, ready for nodemailer. */
export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** Where the links of a roundup email lead (absolute URLs). */
export interface RoundupEmailLinks {
  /** The published edition on the web (`/roundups/2024-W38`). */
  editionUrl: string;
  /** The sign-up page, for a forwarded copy's reader. */
  subscribeUrl: string;
  /** This subscriber's preferences page; null in the published edition. */
  manageUrl: string | null;
  /** This subscriber's one-click unsubscribe page; null in the published edition. */
  unsubscribeUrl: string | null;
}

export interface ConfirmationEmailInput {
  /** The confirmation page (GET shows a button; its POST confirms). */
  confirmUrl: string;
  /** The preferences asked for, in words ("GB, EU · LinkedIn"), or "everything". */
  preferencesInWords: string;
  /** The instance's home page. */
  siteUrl: string;
}

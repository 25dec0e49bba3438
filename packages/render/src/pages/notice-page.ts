import { html } from '../html.ts';
import { renderPage } from './layout.ts';

/**
 * A page with one message: what happened, or what to do (an expired link, a limit reached).
 * `tone` error shows it as a problem.
 */
export function renderNoticePage(notice: { title: string; message: string; tone?: 'info' | 'error' }): string {
  const box = notice.tone === 'error' ? 'error' : 'notice';
  return renderPage({
    title: notice.title,
    body: html`<p class="${box}" role="${notice.tone === 'error' ? 'alert' : 'status'}">${notice.message}</p>`,
  });
}

import { fontStack, palette } from './palette.ts';

/**
 * The MJML of the emails' fixed parts. `%%NAME%%` marks where the renderer puts escaped text or
 * markup of its own; `scripts/compile-email-templates.ts` compiles these once into
 * `compiled.json` (MJML 5 compiles asynchronously and takes tens of milliseconds: a render only
 * fills the compiled HTML in). No mj-include, no images, nothing fetched.
 */

const head = (extraStyle: string) => `
  <mj-head>
    <mj-title>%%TITLE%%</mj-title>
    <mj-preview>%%PREHEADER%%</mj-preview>
    <mj-breakpoint width="480px" />
    <mj-attributes>
      <mj-all font-family="${fontStack}" />
      <mj-text color="${palette.ink}" font-size="15px" line-height="22px" padding="0 24px" />
      <mj-section padding="0" />
    </mj-attributes>
    <mj-raw>
      <meta name="color-scheme" content="light dark" />
      <meta name="supported-color-schemes" content="light dark" />
    </mj-raw>
    <mj-style>
      :root { color-scheme: light dark; supported-color-schemes: light dark; }
      .rw-text a { color: ${palette.link}; }
      @media (prefers-color-scheme: dark) {
        .rw-page, .rw-page > div, .rw-paper, .rw-paper table, .rw-paper td, .rw-paper div { background: #15191e !important; background-color: #15191e !important; }
        .rw-paper, .rw-paper div, .rw-paper p, .rw-paper h1, .rw-paper h2, .rw-paper h3, .rw-paper li { color: #e8ebee !important; }
        .rw-paper .rw-muted, .rw-paper .rw-muted a { color: #b4bcc4 !important; }
        .rw-paper a { color: #8ec5ff !important; }
        .rw-band, .rw-band table, .rw-band td, .rw-band div { background: #0d2f4f !important; background-color: #0d2f4f !important; color: #ffffff !important; }
      }
      ${extraStyle}
    </mj-style>
  </mj-head>`;

export const roundupMjml = `<mjml lang="en" dir="ltr">${head('')}
  <mj-body width="600px" background-color="${palette.page}" css-class="rw-page">
    <mj-section background-color="${palette.band}" css-class="rw-band" padding="20px 0 18px">
      <mj-column width="55%">
        <mj-text color="${palette.bandInk}" font-size="20px" line-height="26px" font-weight="700">Regwatch roundup</mj-text>
      </mj-column>
      <mj-column width="45%">
        <mj-text color="${palette.bandInk}" font-size="14px" line-height="26px" align="right" css-class="rw-week">%%WEEK%%</mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-color="${palette.paper}" css-class="rw-paper" padding="20px 0 8px">
      <mj-column>
        <mj-text css-class="rw-text" font-size="15px">%%NOTE%%%%COUNT%%</mj-text>
        <mj-text css-class="rw-text" padding="12px 24px 0">%%CONTENTS%%</mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-color="${palette.paper}" css-class="rw-paper" padding="0 0 16px">
      <mj-column>
        <mj-text css-class="rw-text">%%SECTIONS%%</mj-text>
      </mj-column>
    </mj-section>
    <mj-section padding="16px 0 32px" css-class="rw-foot">
      <mj-column>
        <mj-text css-class="rw-text rw-muted" color="${palette.muted}" font-size="13px" line-height="20px">%%FOOTER%%</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;

export const confirmationMjml = `<mjml lang="en" dir="ltr">${head('')}
  <mj-body width="600px" background-color="${palette.page}" css-class="rw-page">
    <mj-section background-color="${palette.band}" css-class="rw-band" padding="20px 0 18px">
      <mj-column>
        <mj-text color="${palette.bandInk}" font-size="20px" line-height="26px" font-weight="700">Regwatch roundup</mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-color="${palette.paper}" css-class="rw-paper" padding="24px 0">
      <mj-column>
        <mj-text css-class="rw-text" font-size="18px" line-height="26px" font-weight="700">Confirm your subscription</mj-text>
        <mj-text css-class="rw-text" padding="12px 24px 0">%%ASKED%%</mj-text>
        <mj-button href="%%CONFIRM_URL%%" background-color="${palette.accent}" color="#ffffff" font-size="16px" font-weight="700" border-radius="6px" inner-padding="14px 28px" padding="24px 24px" align="left">Confirm my subscription</mj-button>
        <mj-text css-class="rw-text">%%DETAILS%%</mj-text>
      </mj-column>
    </mj-section>
    <mj-section padding="16px 0 32px" css-class="rw-foot">
      <mj-column>
        <mj-text css-class="rw-text rw-muted" color="${palette.muted}" font-size="13px" line-height="20px">%%FOOTER%%</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;

/** The emails' colours: dark text on white, one blue for links, enough contrast either way a client inverts them. */
export const palette = {
  page: '#eef1f4',
  paper: '#ffffff',
  ink: '#1b1f24',
  muted: '#4f5964',
  rule: '#d5dce3',
  accent: '#0b4f8a',
  link: '#0a58a8',
  band: '#0b4f8a',
  bandInk: '#ffffff',
} as const;

export const fontStack = "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

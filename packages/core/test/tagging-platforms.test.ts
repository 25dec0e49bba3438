import { describe, expect, it } from 'vitest';
import { type Tag, type TagInput, tagPlatforms } from '../src/index.ts';

const ids = (tags: readonly Tag[]) => tags.map((tag) => tag.id);
const platforms = (input: TagInput) => ids(tagPlatforms(input));
const title = (text: string) => platforms({ title: text });
const evidence = (tags: readonly Tag[], id: string) => tags.find((tag) => tag.id === id)?.evidence ?? [];

describe('tagPlatforms: names that are common words or letters', () => {
  it('reads X as the platform only with platform context', () => {
    expect(title('Grok deepfakes spread on X as regulators step in')).toContain('x');
    expect(title('X fined €120m under the Digital Services Act')).toContain('x');
    expect(title('X Corp sues advertisers over boycott')).toContain('x');
    expect(title("X's Community Notes fail to flag fake images")).toContain('x');
    expect(title('X, formerly Twitter, changes its privacy policy')).toContain('x');
    expect(platforms({ title: 'X changes its privacy policy', summary: 'Elon Musk announced the change.' })).toContain(
      'x',
    );
  });

  it('does not read the letter X as the platform', () => {
    expect(title('Mr X wins appeal against council over CCTV footage')).not.toContain('x');
    expect(title('Generation X workers fear AI monitoring')).not.toContain('x');
    expect(title('Hospital X-ray images exposed online')).not.toContain('x');
    expect(title('Company X fined for unlawful marketing calls')).not.toContain('x');
    expect(title('Tesla Model X recalled after Musk says update is due')).not.toContain('x');
  });

  it('reads Meta as the company, not metadata or a meta-analysis', () => {
    expect(title('Meta fined €1.2bn over EU-US data transfers')).toContain('meta');
    expect(title('Meta-analysis finds privacy notices rarely read')).toEqual([]);
    expect(title('Study: metadata reveals more than message content')).toEqual([]);
    expect(title('Meta Analysis of Consent Banner Designs')).toEqual([]);
  });

  it('reads Apple as the company, not the fruit', () => {
    expect(title('Apple fined by CNIL over App Store ad targeting')).toContain('apple');
    expect(title('Apple pie recipes go viral on cooking sites')).toEqual([]);
    expect(title('Harvest: Apple growers turn to AI to sort fruit')).toEqual([]);
    expect(title('Tourists flock to the Big Apple for New Year')).toEqual([]);
  });

  it('reads Amazon as the company, not the rainforest or the river', () => {
    expect(title('Amazon fined €746m by Luxembourg regulator')).toContain('amazon');
    expect(title('Amazon rainforest deforestation tracked by satellites')).toEqual([]);
    expect(title('Drones map the Amazon River basin')).toEqual([]);
  });

  it('reads Ring as the doorbell company only with its context', () => {
    expect(title('Ring doorbell footage shared with police without consent')).toContain('ring');
    expect(title("Amazon-owned Ring settles FTC case over employees' access to videos")).toContain('ring');
    expect(
      platforms({ title: 'Ring to pay $5.8m', summary: 'The video doorbell maker let staff watch customers.' }),
    ).toContain('ring');
    expect(title('Police bust drug ring that traded stolen identities')).toEqual([]);
    expect(title('Ring road cameras to issue fines automatically')).toEqual([]);
  });

  it('reads Clearview as the facial recognition company only with its context', () => {
    expect(title('Clearview AI fined by Dutch regulator')).toContain('clearview-ai');
    expect(
      platforms({ title: 'Clearview ordered to delete images', summary: 'The firm scraped faces from the web.' }),
    ).toContain('clearview-ai');
    expect(platforms({ title: 'Clearview Township council approves budget', summary: 'Roads and parks.' })).toEqual([]);
    expect(title('A clear view of what the new rules require')).toEqual([]);
  });

  it('reads possessives and hyphenated compounds', () => {
    expect(title("Meta's Instagram hit with complaint by noyb")).toEqual(['instagram', 'meta']);
    const tags = tagPlatforms({ title: 'Microsoft-owned LinkedIn fined €310m by Irish DPC' });
    expect(ids(tags)).toEqual(['linkedin', 'microsoft']);
    expect(evidence(tags, 'microsoft')).toEqual([
      { rule: 'name', phrase: 'Microsoft', field: 'title' },
      { rule: 'parent-of:linkedin', phrase: 'LinkedIn', field: 'title' },
    ]);
  });

  it('does not take a word that merely starts with a name', () => {
    expect(title('SKH Metals accused of poor data handling')).toEqual([]);
    expect(title('Metaverse platforms face child safety questions')).toEqual([]);
  });
});

describe('tagPlatforms: what an item is about', () => {
  it('tags a product as its organisation and names the product in the evidence', () => {
    const tags = tagPlatforms({ title: 'ChatGPT invents a criminal past for Norwegian man' });
    expect(ids(tags)).toEqual(['openai']);
    expect(evidence(tags, 'openai')).toEqual([{ rule: 'product', phrase: 'ChatGPT', field: 'title' }]);
  });

  it('rolls a platform up to its parents, with parent-of evidence', () => {
    const tags = tagPlatforms({ title: 'YouTube Kids shows children disturbing videos' });
    expect(ids(tags)).toEqual(['alphabet', 'google', 'youtube']);
    expect(evidence(tags, 'alphabet')).toEqual([{ rule: 'parent-of:youtube', phrase: 'YouTube Kids', field: 'title' }]);
  });

  it('weighs title and lead over the body: one passing mention in the body is not enough', () => {
    const body =
      'The regulator said the retailer kept CCTV images for too long.\n' +
      'It was the second case this year; an earlier one concerned Google.';
    expect(platforms({ title: 'Retailer reprimanded over CCTV retention', content: body })).toEqual([]);
    expect(
      platforms({
        title: 'Retailer reprimanded',
        content: `${body}\nGoogle has appealed. Google said it would comply.`,
      }),
    ).toEqual(['alphabet', 'google']);
    expect(
      platforms({ title: 'Retailer reprimanded', summary: 'Google Analytics sent shoppers’ data to the US.' }),
    ).toEqual(['alphabet', 'google']);
  });

  it('does not tag a company named only in a "related reading" line', () => {
    const content =
      'The authority fined the hospital for leaving patient files in a skip.\n' +
      'Related: Meta fined €1.2bn over transfers to the US\n' +
      'Read more: TikTok appeals Irish ruling | Apple faces French probe';
    expect(platforms({ title: 'Hospital fined for dumped patient files', content })).toEqual([]);
    const inline = 'The hospital was fined. Read more: TikTok fined by the DPC over children’s data.';
    expect(platforms({ title: 'Hospital fined', summary: inline })).toEqual([]);
  });
});

describe('tagPlatforms: source labels', () => {
  it('maps the register’s spellings to ids', () => {
    const tags = tagPlatforms({
      title: 'AI agent leaks data',
      labels: { deployers: ['Meta Platforms'], developers: ['Amazon/Ring'] },
    });
    expect(ids(tags)).toEqual(['amazon', 'meta', 'ring']);
    expect(evidence(tags, 'meta')).toEqual([{ rule: 'source-label', phrase: 'Meta Platforms', field: 'labels' }]);
  });

  it('lets labels win over guesses, keeping guesses of the same family', () => {
    const labels = { deployers: ['Tristan Roberts'], developers: ['DeepSeek Artificial Intelligence Co'] };
    expect(platforms({ title: 'Welshman kills mother after speaking to Discord AI bot', labels })).toEqual([
      'deepseek',
    ]);
    expect(platforms({ title: 'Instagram teen accounts fail', labels: { developers: ['Meta Platforms'] } })).toEqual([
      'instagram',
      'meta',
    ]);
  });

  it('falls back to the text when no label names a known platform', () => {
    const labels = { deployers: ['West Fargo Police Department'] };
    expect(platforms({ title: 'Clearview AI search leads to wrongful arrest', labels })).toEqual(['clearview-ai']);
  });
});

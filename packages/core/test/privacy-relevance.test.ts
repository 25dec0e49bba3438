import { describe, expect, it } from 'vitest';
import { privacyRelevance } from '../src/index.ts';
import { foldForMatching, privacyRelevanceThreshold } from '../src/relevance/privacy-relevance.ts';

/** A headline as published, with its lead when the title alone is not the point of the case. */
interface Case {
  title: string;
  summary?: string;
  /** Outlet and date, so a reader can find it. */
  source: string;
}

const judge = (item: Case) => privacyRelevance({ title: item.title, summary: item.summary ?? '' });

// Real headlines (and leads, where given) from the outlets Regwatch reads, 2023–2026.
const relevant: Case[] = [
  {
    title: 'Microsoft illegally installed cookies on schoolkid’s tech, data protection ruling finds',
    source: 'The Register, 2026-01-27',
  },
  { title: 'High Court to grill London cops over live facial recognition creep', source: 'The Register, 2026-01-27' },
  {
    title: 'EU looking into Elon Musk’s X after Grok produces deepfake sex images',
    source: 'The Register, 2026-01-26',
  },
  { title: 'ICO fines South Staffordshire £963K over 2022 breach', source: 'The Register, 2026-05-11' },
  { title: 'Clearview AI faces criminal heat for ignoring EU data fines', source: 'The Register, 2025' },
  {
    title: 'France fines Google, SHEIN for undercooked cookie policies that led to crummy privacy',
    source: 'The Register, 2025-09-04',
  },
  { title: 'KLM, Air France latest major organizations looted for customer data', source: 'The Register, 2025' },
  {
    title: "EU's reforms of GDPR, AI slated by privacy activists for 'playing into Big Tech's hands'",
    source: 'The Register, 2025',
  },
  {
    title: 'Employee benefits platform Paylogix says hackers stole financial and health data',
    source: 'The Record, 2026-08-25',
  },
  {
    title: 'Meta pledges to overhaul kids’ safety protections, pay $17 billion to settle social media case',
    source: 'The Record, 2026-08-26',
  },
  {
    title: 'LACMA data breach last year exposed social security and medical data',
    source: 'BleepingComputer, 2026-08-25',
  },
  { title: 'Microsoft tests new privacy controls for Windows 11 desktop apps', source: 'BleepingComputer, 2026-08-26' },
  {
    title: 'Nissan discloses employee data breach linked to Oracle zero-day attacks',
    source: 'BleepingComputer, 2026',
  },
  {
    title: 'Ascension says ransomware attack exposed data of 5.6 million patients',
    source: 'BleepingComputer, 2024-12',
  },
  { title: 'Can Clothes Make You Invisible to Facial Recognition?', source: 'Dark Reading, 2026' },
  { title: 'Vulnerabilities Expose Private Data in Indian Government Systems', source: 'Dark Reading, 2026' },
  { title: 'Senegalese Data Breaches Expose Lack of Security Maturity', source: 'Dark Reading, 2026-02-12' },
  { title: 'A Second Tea Breach Reveals Users’ DMs About Abortions and Cheating', source: '404 Media, 2025-07-28' },
  { title: 'ICE Taps into Nationwide AI-Enabled Camera Network, Data Shows', source: '404 Media, 2025-05-27' },
  {
    title: 'Here is the User Guide for ELITE, the Tool Palantir Made for ICE',
    summary:
      '404 Media is publishing a version of the user guide for ELITE, which lets ICE bring up dossiers on individual people and provides a “confidence score” of their address.',
    source: '404 Media, 2026-01-30 (relevant by its lead)',
  },
  { title: 'Computer maker Framework notifies all customers of a data breach', source: 'TechCrunch, 2026-08-07' },
  {
    title: 'Meta’s $18B child safety deal hinges on age verification tech that doesn’t work well',
    source: 'TechCrunch, 2026-08-26',
  },
  {
    title: 'PowerSchool says hackers stole students’ sensitive data, including Social Security numbers, in data breach',
    source: 'TechCrunch, 2025-01',
  },
  { title: 'Spain probes Meta over privacy abuse of millions of Android users', source: 'Euractiv, 2025' },
  { title: 'Apple pulls data protection tool after UK government security row', source: 'BBC News, 2025-02-21' },
  { title: 'FTC to ban Avast from selling browsing data for advertising purposes', source: 'FTC, 2024-02-22' },
  {
    title: 'TikTok fined €530m by Irish regulator for failing to guarantee China would not access data',
    summary: 'Ireland’s Data Protection Commission says the app transferred EEA users’ personal data to China.',
    source: 'The Guardian, 2025-05-02 (the regulator is named in the lead)',
  },
  {
    title: 'Privacy Commissioner releases findings of investigation into X and xAI',
    source: 'OPC, 2026-06-11',
  },
  // French, German and Dutch.
  {
    title: 'Cookies : la CNIL sanctionne GOOGLE à hauteur de 325 millions d’euros',
    source: 'CNIL, 2025-09-03',
  },
  {
    title: 'France Travail : une fuite de données pourrait concerner 43 millions de personnes',
    source: 'French press, 2024-03-13',
  },
  { title: 'DSGVO-Verstoß: Meta muss 1,2 Milliarden Euro Strafe zahlen', source: 'German press, 2023-05-22' },
  {
    title: 'AP legt Uber boete op van 290 miljoen euro om doorgifte persoonsgegevens chauffeurs naar VS',
    source: 'Autoriteit Persoonsgegevens, 2024-08-26',
  },
];

const notRelevant: Case[] = [
  { title: 'Hackers target Microsoft SharePoint RCE chain with PoC exploit', source: 'BleepingComputer, 2026-08-26' },
  {
    title: 'Hackers now exploit critical Gitea flaw in code injection attacks',
    source: 'BleepingComputer, 2026-08-26',
  },
  { title: 'New ESXiArgs ransomware version prevents VMware ESXi recovery', source: 'BleepingComputer, 2023-02' },
  {
    title: 'US takes down alleged Chinese hacking tools used against Federal Reserve, DOJ and Senate',
    source: 'The Record, 2026-08-26',
  },
  { title: '58 arrested in international cybercrime crackdown', source: 'The Record, 2026-08-25' },
  {
    title: 'Iran-linked hackers expand infrastructure across Europe and Middle East, report says',
    summary:
      'Researchers said they identified servers and domains associated with several countries in Europe and the Middle East, potentially pointing to a broader targeting profile for an Iranian hacking group.',
    source: 'The Record, 2026-08-26',
  },
  { title: 'Office zero-day exploited in the wild forces Microsoft OOB patch', source: 'The Register, 2026-01-27' },
  {
    title: 'Data thieves borrow Nike’s ‘Just Do It’ mantra, claim they ran off with 1.4TB',
    summary:
      'Nike says it is probing a possible breach after extortion crew WorldLeaks claimed to have lifted 1.4TB of internal data from the sportswear giant and posted samples on its leak site.',
    source: 'The Register, 2026-01-26 (a breach of design files, not of personal data)',
  },
  {
    title: 'France to replace US videoconferencing wares with unfortunately named sovereign alternative',
    source: 'The Register, 2026-01-27',
  },
  { title: 'Polish cops bust alleged teen DDoS kit sellers – youngest just 12', source: 'The Register, 2026-03' },
  {
    title: 'Russian cybercrims phish their way into officials’ Signal and WhatsApp accounts',
    source: 'The Register, 2026-03',
  },
  {
    title: 'Microsoft Azure CTO set Claude on his 1986 Apple II code, says it found vulns',
    source: 'The Register, 2026-03',
  },
  { title: "'Djinn' Stealer Targets Cloud, AI Credentials", source: 'Dark Reading, 2026' },
  { title: 'Global Stock Exchange Hit by Monthslong Email Compromise via LOLBins', source: 'Dark Reading, 2026' },
  { title: 'The AWS Outage Bricked People’s $2,700 Smartbeds', source: '404 Media, 2025-10-22' },
  { title: 'Moove raises $250M to become the backbone of the robotaxi industry', source: 'TechCrunch, 2026-08-05' },
  { title: 'Travis Kalanick’s robotics company raises $1.7B, led by a16z', source: 'TechCrunch, 2026-07-22' },
  { title: 'The EU will not budge on deadline for generative AI rules', source: 'Euractiv, 2025' },
  { title: 'Elon Musk sues OpenAI and Sam Altman for breach of contract', source: 'Reuters, 2024-03-01' },
  { title: 'Block.one to pay $24 million penalty to settle SEC charges over unregistered ICO', source: 'SEC, 2019-09' },
];

describe('privacyRelevance on real headlines', () => {
  it('has at least 40 real headlines, both ways', () => {
    expect(relevant.length + notRelevant.length).toBeGreaterThanOrEqual(40);
  });

  it.each(relevant.map((item) => [item.title, item] as const))('keeps “%s”', (_title, item) => {
    const result = judge(item);
    expect(result.relevant, `${item.source}: ${result.evidence.join('; ')}`).toBe(true);
    expect(result.evidence.length).toBeGreaterThan(0);
  });

  it.each(notRelevant.map((item) => [item.title, item] as const))('drops “%s”', (_title, item) => {
    const result = judge(item);
    expect(result.relevant, `${item.source}: ${result.evidence.join('; ')}`).toBe(false);
  });
});

describe('privacyRelevance: words with other senses (constructed cases)', () => {
  const dropped = (title: string, summary = '') => privacyRelevance({ title, summary });

  it('reads ICO as the UK regulator, not an initial coin offering', () => {
    expect(dropped('Crypto startup’s ICO raises $40m in tokens').relevant).toBe(false);
    expect(dropped('ICO reprimands council over lost laptop').evidence).toEqual(['privacy-regulator (title: "ICO")']);
  });

  it('counts people being tracked, not parcels', () => {
    expect(dropped('Royal Mail adds live parcel tracking to its app').relevant).toBe(false);
    expect(dropped('Retailer’s app was tracking users across websites').relevant).toBe(true);
  });

  it('counts web cookies, not recipes', () => {
    expect(dropped('The best chocolate chip cookies to bake this weekend').relevant).toBe(false);
    expect(dropped('Regulator says site placed cookies before users could reject them').relevant).toBe(true);
  });

  it('needs personal data for a breach: a breach of contract or a hack alone is not one', () => {
    expect(dropped('Supplier breached contract, court rules').relevant).toBe(false);
    expect(dropped('New ransomware strain targets VMware ESXi').relevant).toBe(false);
    const hospital = dropped('Ransomware attack on a hospital exposes patient records');
    expect(hospital.relevant).toBe(true);
    expect(hospital.evidence).toContain('personal-data-breach (title: "exposes" + "patient records")');
  });

  it('reads “data protection” in the storage trade as backup, not law', () => {
    expect(dropped('Backup vendor adds immutable snapshots to its data protection platform').relevant).toBe(false);
    expect(dropped('Irish Data Protection Commission opens inquiry into X').relevant).toBe(true);
  });

  it('does not take OPC UA, the industrial protocol, for Canada’s privacy commissioner', () => {
    expect(dropped('Critical flaws in OPC UA servers expose industrial systems').relevant).toBe(false);
  });

  it('does not take AVG, the antivirus, for the Dutch GDPR', () => {
    expect(dropped('AVG antivirus update breaks Windows printing').relevant).toBe(false);
    expect(dropped('Gemeente krijgt boete wegens overtreding AVG').relevant).toBe(true);
  });

  it('ignores privacy coins and privacy screens', () => {
    expect(dropped('Monero and other privacy coins delisted by exchange').relevant).toBe(false);
    expect(dropped('Best laptop privacy screens of 2026').relevant).toBe(false);
  });
});

describe('privacyRelevance: weighting and evidence', () => {
  it('weighs the title over the lead: a broad term is enough in the title, not in the lead', () => {
    expect(privacyRelevance({ title: 'New privacy settings for teens', summary: '' }).relevant).toBe(true);
    const lead = privacyRelevance({
      title: 'Nike probes possible breach',
      summary: 'We always take consumer privacy and data security very seriously, a spokesperson said.',
    });
    expect(lead.relevant).toBe(false);
    expect(lead.evidence).toEqual(['privacy (lead: "privacy")']);
    expect(lead.score).toBeLessThan(privacyRelevanceThreshold);
  });

  it('lets a decisive term decide from the lead', () => {
    const result = privacyRelevance({
      title: 'Commission unveils digital omnibus',
      summary: 'The package amends the GDPR and the ePrivacy rules on cookies.',
    });
    expect(result.relevant).toBe(true);
    expect(result.evidence[0]).toBe('privacy-law (lead: "gdpr")');
  });

  it('reads only the lead of a long summary', () => {
    const summary = `${'The vendor shipped a patch for its routers. '.repeat(20)}Personal data was not affected.`;
    expect(privacyRelevance({ title: 'Router patch released', summary }).relevant).toBe(false);
  });

  it('counts the outlet’s own Privacy label as corroboration, never alone', () => {
    const labelOnly = privacyRelevance({ title: 'Moove raises $250M', summary: '', categories: ['Privacy'] });
    expect(labelOnly.relevant).toBe(false);
    expect(labelOnly.evidence).toEqual(['source-label (category: "Privacy")']);
    const lead = {
      title: 'Settlement reached',
      summary: 'The deal brings new privacy settings, say attorneys general.',
    };
    expect(privacyRelevance(lead).score).toBe(2);
    const labelled = privacyRelevance({ ...lead, categories: ['News', 'Privacy'] });
    expect(labelled.score).toBe(3);
    expect(labelled.relevant).toBe(true);
  });

  it('explains every match and counts each rule once', () => {
    const result = privacyRelevance({
      title: 'UK ICO fines 23andMe 2.31M GBP over 2023 data breach',
      summary:
        "The U.K. Information Commissioner's Office fined the genetic testing company for failing to protect the personal information of U.K. users.",
    });
    expect(result.evidence).toEqual([
      'privacy-regulator (title: "ICO")',
      'data-breach (title: "data breach")',
      'personal-data (lead: "personal information")',
    ]);
    expect(result.score).toBe(9);
  });

  it('is not relevant for empty input', () => {
    expect(privacyRelevance({ title: '', summary: '' })).toEqual({ relevant: false, evidence: [], score: 0 });
  });

  it('folds accents, case and curly apostrophes before matching', () => {
    expect(foldForMatching('Données  PERSONNELLES’ – Überwachung')).toBe("donnees personnelles' - uberwachung");
  });
});

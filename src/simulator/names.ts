/**
 * Name pools for generated organizations. Each entry carries the ASCII form used for handles and
 * emails, because Slack handles and our emails are ASCII while display names need not be.
 */
export interface NamePart {
  display: string;
  ascii: string;
}

function parts(list: string): NamePart[] {
  return list.split(',').map((entry) => {
    const [display, ascii] = entry.split('=');
    const shown = (display as string).trim();
    return { display: shown, ascii: (ascii ?? shown).trim().toLowerCase() };
  });
}

export const FIRST_NAMES = parts(
  'Ada,Alan,Grace,Linus,Margaret,Ken,Barbara,Dennis,Frances,John,Radia,Edsger,Katherine,Tim,Hedy,Donald,' +
    'Shafi,Leslie,Sophie,Guido,Anita,Bjarne,Karen,Niklaus,Jean,Yukihiro,Lynn,Brian,Joan,Vint,Mary,Bob,Susan,' +
    'Rasmus,Carol,Ivan,Priya,Omar,Fatima,Kwame,Aiko,Mateo,Ingrid,Chen,Amara,Lars,Noor,Diego,Elif,Tariq,' +
    'José=jose,Zoë=zoe,Björn=bjorn,Søren=soren,Łukasz=lukasz,Ólafur=olafur,Çağla=cagla,François=francois,' +
    'Renée=renee,Dvořák=dvorak,Jürgen=jurgen,Anaïs=anais,Ngọc=ngoc,Ælfred=aelfred,' +
    '太郎=taro,美咲=misaki,伟=wei,지훈=jihoon,Дмитрий=dmitry,Ελένη=eleni,محمد=mohammed,אביגיל=avigail',
);

export const LAST_NAMES = parts(
  'Lovelace,Turing,Hopper,Torvalds,Hamilton,Thompson,Liskov,Ritchie,Allen,McCarthy,Perlman,Dijkstra,Johnson,' +
    'Berners-Lee=bernerslee,Lamarr,Knuth,Goldwasser,Lamport,Wilson,Rossum,Borg,Stroustrup,Jones,Wirth,Sammet,' +
    'Matsumoto,Conway,Kernighan,Clarke,Cerf,Keller,Okafor,Haddad,Mensah,Tanaka,Alvarez,Lindqvist,Wang,Nwosu,' +
    'Andersen,Rahman,Santos,Yilmaz,Farouk,Patel,Kowalski,Ivanova,Murphy,Schmidt,Rossi,' +
    'Müller=muller,Ångström=angstrom,García=garcia,Nguyễn=nguyen,Øster=oster,Çelik=celik,Pérez=perez,' +
    'Šimić=simic,Łęcki=lecki,Ó Briain=obriain,' +
    '山田=yamada,佐藤=sato,李=li,김=kim,Иванов=ivanov,Παπαδόπουλος=papadopoulos,الحسن=alhassan,כהן=cohen',
);

export const TITLES = [
  'Software Engineer',
  'Senior Software Engineer',
  'Staff Engineer',
  'Engineering Manager',
  'Product Manager',
  'Designer',
  'Security Engineer',
  'Site Reliability Engineer',
  'Account Executive',
  'Customer Success Manager',
  'Recruiter',
  'Finance Analyst',
  'Legal Counsel',
  'Data Scientist',
  'Support Specialist',
  '',
];

export const TIME_ZONES: { tz: string; label: string; offset: number }[] = [
  { tz: 'America/Los_Angeles', label: 'Pacific Standard Time', offset: -28800 },
  { tz: 'America/New_York', label: 'Eastern Standard Time', offset: -18000 },
  { tz: 'America/Sao_Paulo', label: 'Brasilia Standard Time', offset: -10800 },
  { tz: 'Europe/London', label: 'Greenwich Mean Time', offset: 0 },
  { tz: 'Europe/Berlin', label: 'Central European Time', offset: 3600 },
  { tz: 'Africa/Lagos', label: 'West Africa Standard Time', offset: 3600 },
  { tz: 'Asia/Kolkata', label: 'India Standard Time', offset: 19800 },
  { tz: 'Asia/Tokyo', label: 'Japan Standard Time', offset: 32400 },
  { tz: 'Australia/Sydney', label: 'Australian Eastern Daylight Time', offset: 39600 },
];

export const COMPANIES = ['Acme', 'Globex', 'Initech', 'Hooli', 'Vandelay', 'Stark', 'Wayne', 'Tyrell', 'Cyberdyne', 'Aperture'];

export const WORKSPACE_SUFFIXES = ['HQ', 'Engineering', 'Sales', 'Support', 'Research', 'Europe', 'APAC', 'Contractors'];

export const GROUP_NAMES = [
  'Security On-call',
  'Eng Leads',
  'Platform',
  'Design',
  'Sales EMEA',
  'Support Tier 2',
  'Incident Commanders',
  'Data',
  'Mobile',
  'People Ops',
  'Finance',
  'Legal',
  'Frontend',
  'Backend',
  'SRE',
  'Managers',
];

export const IDP_GROUP_NAMES = [
  'okta-engineering',
  'okta-all-employees',
  'okta-contractors',
  'okta-finance',
  'azuread-sales',
  'okta-security',
  'okta-leadership',
  'okta-support',
];

export const CHANNEL_NAMES = [
  'random',
  'engineering',
  'incidents',
  'security',
  'design-crit',
  'sales-deals',
  'support-escalations',
  'announcements',
  'leadership',
  'hiring',
  'deploys',
  'watercooler',
  'finance-private',
  'legal-review',
  'ops',
];

/** Slack's system roles, as `admin.roles.listAssignments` reports them. */
export const ENTERPRISE_ROLE_IDS = ['Rl0L', 'Rl0C', 'Rl01', 'Rl0A', 'Rl05', 'Rl09', 'Rl0F', 'Rl0D', 'Rl04', 'Rl02', 'Rl0G', 'Rl0H', 'Rl0J', 'Rl0B', 'Rl03', 'Rl0K'];

import type { OrgRole, WorkspaceRole } from './store.ts';

/**
 * Lumen Robotics: the demo organization. Small enough to read in GraphiQL, awkward enough to show
 * what slackgate handles — guests, a deactivated account, an invitee, bots, an empty and a
 * disabled group, people in many groups, IdP groups and private channels.
 */
export interface DemoPerson {
  handle: string;
  name: string;
  title: string;
  department?: string;
  tz: string;
  role?: WorkspaceRole;
  orgRole?: OrgRole;
  kind?: 'member' | 'multi_guest' | 'single_guest' | 'bot' | 'invited';
  deleted?: boolean;
  /** Also a member of the Field Ops workspace (grid plans only). */
  fieldOps?: boolean;
  /** Local part of the email when it differs from the handle; null for no email. */
  email?: string | null;
  joinedDaysAfter2019: number;
}

const LA = 'America/Los_Angeles';
const NY = 'America/New_York';
const LON = 'Europe/London';
const BER = 'Europe/Berlin';
const TYO = 'Asia/Tokyo';
const BLR = 'Asia/Kolkata';

export const DEMO_PEOPLE: DemoPerson[] = [
  { handle: 'dana.okafor', name: 'Dana Okafor', title: 'CEO & Co-founder', department: 'Executive', tz: LA, role: 'primary_owner', orgRole: 'primary_owner', fieldOps: true, joinedDaysAfter2019: 0 },
  { handle: 'marcus.webb', name: 'Marcus Webb', title: 'CTO & Co-founder', department: 'Engineering', tz: LA, role: 'owner', orgRole: 'owner', fieldOps: true, joinedDaysAfter2019: 0 },
  { handle: 'priya.raman', name: 'Priya Raman', title: 'Head of Security', department: 'Security', tz: NY, role: 'admin', orgRole: 'admin', fieldOps: true, joinedDaysAfter2019: 120 },
  { handle: 'sofia.alvarez', name: 'Sofia Alvarez', title: 'VP Engineering', department: 'Engineering', tz: LA, role: 'admin', orgRole: 'admin', joinedDaysAfter2019: 200 },
  { handle: 'kenji.tanaka', name: 'Kenji Tanaka', title: 'Staff Engineer, Platform', department: 'Engineering', tz: TYO, joinedDaysAfter2019: 240 },
  { handle: 'amara.nwosu', name: 'Amara Nwosu', title: 'Engineering Manager, Autonomy', department: 'Engineering', tz: LON, joinedDaysAfter2019: 260 },
  { handle: 'lars.lindqvist', name: 'Lars Lindqvist', title: 'Senior Firmware Engineer', department: 'Engineering', tz: BER, fieldOps: true, joinedDaysAfter2019: 300 },
  { handle: 'zoe.muller', name: 'Zoë Müller', title: 'Security Engineer', department: 'Security', tz: BER, joinedDaysAfter2019: 330 },
  { handle: 'jose.garcia', name: 'José García', title: 'Site Reliability Engineer', department: 'Engineering', tz: NY, joinedDaysAfter2019: 360 },
  { handle: 'mei.chen', name: 'Mei Chen', title: 'Senior Software Engineer', department: 'Engineering', tz: LA, joinedDaysAfter2019: 380 },
  { handle: 'omar.haddad', name: 'Omar Haddad', title: 'Security Engineer', department: 'Security', tz: LON, joinedDaysAfter2019: 400 },
  { handle: 'ngoc.nguyen', name: 'Ngọc Nguyễn', title: 'Robotics Engineer', department: 'Engineering', tz: LA, fieldOps: true, joinedDaysAfter2019: 420 },
  { handle: 'fatima.rahman', name: 'Fatima Rahman', title: 'Engineering Manager, Platform', department: 'Engineering', tz: BLR, joinedDaysAfter2019: 450 },
  { handle: 'bjorn.andersen', name: 'Björn Andersen', title: 'Senior SRE', department: 'Engineering', tz: BER, joinedDaysAfter2019: 470 },
  { handle: 'elif.yilmaz', name: 'Elif Yılmaz', title: 'Software Engineer', department: 'Engineering', tz: BER, joinedDaysAfter2019: 500 },
  { handle: 'kwame.mensah', name: 'Kwame Mensah', title: 'Software Engineer', department: 'Engineering', tz: LON, joinedDaysAfter2019: 520 },
  { handle: 'aiko.sato', name: '佐藤 愛子', title: 'Product Designer', department: 'Design', tz: TYO, email: 'aiko.sato', joinedDaysAfter2019: 540 },
  { handle: 'diego.santos', name: 'Diego Santos', title: 'Product Manager', department: 'Product', tz: NY, joinedDaysAfter2019: 560 },
  { handle: 'hannah.schmidt', name: 'Hannah Schmidt', title: 'Design Lead', department: 'Design', tz: BER, joinedDaysAfter2019: 580 },
  { handle: 'raj.patel', name: 'Raj Patel', title: 'Data Scientist', department: 'Engineering', tz: BLR, joinedDaysAfter2019: 600 },
  { handle: 'noor.farouk', name: 'Noor Farouk', title: 'Field Operations Lead', department: 'Field Ops', tz: NY, role: 'admin', orgRole: 'member', fieldOps: true, joinedDaysAfter2019: 620 },
  { handle: 'tom.murphy', name: 'Tom Murphy', title: 'Field Technician', department: 'Field Ops', tz: NY, fieldOps: true, joinedDaysAfter2019: 640 },
  { handle: 'ana.kowalski', name: 'Ana Kowalski', title: 'Field Technician', department: 'Field Ops', tz: BER, fieldOps: true, joinedDaysAfter2019: 660 },
  { handle: 'grace.liu', name: 'Grace Liu', title: 'Head of People', department: 'People', tz: LA, role: 'admin', orgRole: 'admin', joinedDaysAfter2019: 680 },
  { handle: 'samuel.cohen', name: 'Samuel Cohen', title: 'General Counsel', department: 'Legal', tz: NY, joinedDaysAfter2019: 700 },
  { handle: 'irina.ivanova', name: 'Ирина Иванова', title: 'Finance Manager', department: 'Finance', tz: LON, email: 'irina.ivanova', joinedDaysAfter2019: 720 },
  { handle: 'paolo.rossi', name: 'Paolo Rossi', title: 'Account Executive', department: 'Sales', tz: BER, joinedDaysAfter2019: 740 },
  { handle: 'chloe.martin', name: 'Chloé Martin', title: 'Customer Success Manager', department: 'Sales', tz: LON, joinedDaysAfter2019: 760 },
  { handle: 'ben.carter', name: 'Ben Carter', title: 'Support Engineer', department: 'Support', tz: NY, joinedDaysAfter2019: 780 },
  { handle: 'lucia.perez', name: 'Lucía Pérez', title: 'Recruiter', department: 'People', tz: NY, joinedDaysAfter2019: 800 },
  { handle: 'alex.kim', name: 'Alex Kim', title: 'Software Engineer', department: 'Engineering', tz: LA, joinedDaysAfter2019: 820 },
  { handle: 'soren.oster', name: 'Søren Øster', title: 'Hardware Engineer', department: 'Engineering', tz: BER, fieldOps: true, joinedDaysAfter2019: 840 },
  { handle: 'maya.brooks', name: 'Maya Brooks', title: 'Software Engineer (former)', department: 'Engineering', tz: LA, deleted: true, joinedDaysAfter2019: 300 },
  { handle: 'victor.hale', name: 'Victor Hale', title: 'Sales Director (former)', department: 'Sales', tz: NY, deleted: true, joinedDaysAfter2019: 200 },
  { handle: 'jordan.lee', name: 'Jordan Lee', title: 'Software Engineer', department: 'Engineering', tz: LA, kind: 'invited', joinedDaysAfter2019: 1200 },
  { handle: 'pat.quinn', name: 'Pat Quinn', title: 'Security Auditor (Contractor)', department: 'Security', tz: LON, kind: 'multi_guest', email: 'pat.quinn', joinedDaysAfter2019: 1100 },
  { handle: 'rosa.diaz', name: 'Rosa Díaz', title: 'Design Contractor', department: 'Design', tz: NY, kind: 'single_guest', joinedDaysAfter2019: 1150 },
  { handle: 'li.wei', name: '李伟', title: 'Supplier Liaison (Partner)', tz: TYO, kind: 'multi_guest', email: 'li.wei', joinedDaysAfter2019: 1000 },
  { handle: 'facilities', name: 'Facilities Desk', title: 'Shared account', tz: LA, email: null, joinedDaysAfter2019: 100 },
  { handle: 'pagerduty', name: 'PagerDuty', title: '', tz: LA, kind: 'bot', joinedDaysAfter2019: 150 },
  { handle: 'github', name: 'GitHub', title: '', tz: LA, kind: 'bot', joinedDaysAfter2019: 160 },
];

export interface DemoGroup {
  name: string;
  handle: string;
  description: string;
  members: string[];
  disabled?: boolean;
  createdDaysAfter2019: number;
}

export const DEMO_GROUPS: DemoGroup[] = [
  {
    name: 'Security On-call',
    handle: 'security-oncall',
    description: 'Paged for security incidents; rotates weekly',
    members: ['priya.raman', 'zoe.muller', 'omar.haddad', 'bjorn.andersen'],
    createdDaysAfter2019: 400,
  },
  {
    name: 'Engineering Leads',
    handle: 'eng-leads',
    description: 'Engineering managers and staff engineers',
    members: ['marcus.webb', 'sofia.alvarez', 'kenji.tanaka', 'amara.nwosu', 'fatima.rahman', 'priya.raman'],
    createdDaysAfter2019: 300,
  },
  {
    name: 'SRE',
    handle: 'sre',
    description: 'Site reliability and production on-call',
    members: ['jose.garcia', 'bjorn.andersen', 'kenji.tanaka', 'fatima.rahman'],
    createdDaysAfter2019: 470,
  },
  {
    name: 'Incident Commanders',
    handle: 'incident-commanders',
    description: 'Can declare and run a major incident',
    members: ['sofia.alvarez', 'priya.raman', 'kenji.tanaka', 'jose.garcia', 'noor.farouk'],
    createdDaysAfter2019: 480,
  },
  {
    name: 'Design',
    handle: 'design',
    description: 'Product and brand design',
    members: ['hannah.schmidt', 'aiko.sato', 'diego.santos'],
    createdDaysAfter2019: 580,
  },
  {
    name: 'Managers',
    handle: 'managers',
    description: 'Everyone with direct reports',
    members: ['dana.okafor', 'marcus.webb', 'sofia.alvarez', 'amara.nwosu', 'fatima.rahman', 'grace.liu', 'noor.farouk', 'priya.raman'],
    createdDaysAfter2019: 700,
  },
  { name: 'Hardware Guild', handle: 'hardware-guild', description: 'Nobody has joined yet', members: [], createdDaysAfter2019: 900 },
  {
    name: 'Launch War Room 2023',
    handle: 'launch-2023',
    description: 'Disabled after the 2023 launch',
    members: ['marcus.webb', 'diego.santos', 'paolo.rossi'],
    disabled: true,
    createdDaysAfter2019: 1000,
  },
];

export const DEMO_IDP_GROUPS: { name: string; members: string[] }[] = [
  {
    name: 'okta-engineering',
    members: ['marcus.webb', 'sofia.alvarez', 'kenji.tanaka', 'amara.nwosu', 'lars.lindqvist', 'jose.garcia', 'mei.chen', 'ngoc.nguyen', 'fatima.rahman', 'bjorn.andersen', 'elif.yilmaz', 'kwame.mensah', 'raj.patel', 'alex.kim', 'soren.oster'],
  },
  { name: 'okta-security', members: ['priya.raman', 'zoe.muller', 'omar.haddad'] },
  { name: 'okta-finance', members: ['irina.ivanova', 'dana.okafor'] },
];

export interface DemoChannel {
  name: string;
  isPrivate: boolean;
  topic: string;
  purpose: string;
  members: 'everyone' | string[];
  bot?: boolean;
  archived?: boolean;
  fieldOps?: boolean;
}

export const DEMO_CHANNELS: DemoChannel[] = [
  { name: 'general', isPrivate: false, topic: 'Company-wide announcements', purpose: 'Everyone at Lumen Robotics', members: 'everyone', bot: true },
  { name: 'random', isPrivate: false, topic: 'Robots, coffee, weekend plans', purpose: 'Non-work banter', members: 'everyone' },
  { name: 'engineering', isPrivate: false, topic: 'Deploys Tue/Thu', purpose: 'Engineering discussion', members: ['marcus.webb', 'sofia.alvarez', 'kenji.tanaka', 'amara.nwosu', 'mei.chen', 'jose.garcia', 'elif.yilmaz', 'kwame.mensah', 'alex.kim', 'pat.quinn'], bot: true },
  { name: 'incidents', isPrivate: false, topic: 'Declare with /incident', purpose: 'Live incident coordination', members: ['priya.raman', 'sofia.alvarez', 'jose.garcia', 'bjorn.andersen', 'kenji.tanaka'], bot: true },
  { name: 'security', isPrivate: true, topic: 'Need-to-know', purpose: 'Security team private channel', members: ['priya.raman', 'zoe.muller', 'omar.haddad', 'pat.quinn'], bot: true },
  { name: 'leadership', isPrivate: true, topic: '', purpose: 'Exec staff', members: ['dana.okafor', 'marcus.webb', 'sofia.alvarez', 'grace.liu', 'priya.raman'] },
  { name: 'design-crit', isPrivate: false, topic: 'Fridays 3pm', purpose: 'Show your work', members: ['hannah.schmidt', 'aiko.sato', 'diego.santos', 'rosa.diaz'] },
  { name: 'supplier-acme-motors', isPrivate: true, topic: '', purpose: 'Shared with our motor supplier', members: ['lars.lindqvist', 'soren.oster', 'li.wei'], bot: true },
  { name: 'launch-2023', isPrivate: false, topic: '', purpose: 'The 2023 launch', members: ['marcus.webb', 'diego.santos'], archived: true },
  { name: 'field-dispatch', isPrivate: false, topic: 'Site visits this week', purpose: 'Field Ops dispatch', members: ['noor.farouk', 'tom.murphy', 'ana.kowalski', 'ngoc.nguyen'], fieldOps: true, bot: true },
];

-- The publicity service owns nothing authoritative: what it keeps here is where it stands in the
-- feeds it follows, what it derived from them (announcements, notices) and the plan targets.

-- The last change of each feed whose effects are stored (in Elasticsearch and here). Written only
-- after Elasticsearch accepted the change, in the same transaction as the announcements derived
-- from it. index_name: the physical index the registry position belongs to; another index behind
-- the alias (lost, recreated) means the registry feed is replayed from the start.
create table feed_position (
    feed          text primary key,
    last_sequence bigint      not null check (last_sequence >= 0),
    index_name    text,
    updated_at    timestamptz not null
);

-- The announcements feed (Atom / JSON Feed): new listings, suspensions, revocations,
-- restorations, batch openings. One entry per source change at most, so replays add nothing.
create table feed_entry (
    id              bigserial primary key,
    source          text        not null check (source in ('REGISTRY', 'CERTIFICATION')),
    source_sequence bigint      not null,
    kind            text        not null check (kind in ('NEW_LISTING', 'SUSPENDED', 'REVOKED', 'RESTORED', 'BATCH_OPENED')),
    occurred_at     timestamptz not null,
    listing_id      text,
    title           text        not null,
    summary         text        not null,
    data            jsonb       not null,
    created_at      timestamptz not null default now(),
    unique (source, source_sequence)
);
create index feed_entry_recent on feed_entry (occurred_at desc, id desc);

-- Application batches as the certification feed announced them.
create table application_batch (
    id             text primary key,
    name           text        not null,
    year           int         not null,
    types          text[]      not null,
    opens_at       timestamptz,
    deadline       timestamptz,
    publicity_days int,
    sequence       bigint      not null
);

-- Publicity notices (公示) as the certification feed published and closed them.
create table publicity_notice (
    id              text primary key,
    application_id  text,
    batch_id        text,
    batch_name      text,
    batch_year      int,
    type            text        not null,
    enterprise_name text        not null,
    uscc            text,
    region_code     text,
    industry_code   text,
    subject_name    text,
    starts_at       timestamptz,
    ends_at         timestamptz,
    outcome         text        not null,
    listing_id      text,
    sequence        bigint      not null,
    updated_at      timestamptz not null
);
create index publicity_notice_ends on publicity_notice (ends_at desc, id);

-- Plan targets (规划目标): data an administrator maintains, not code. A target counts the listings
-- of a type (and optionally a level) in a region (a province or city code includes everything
-- under it) with a year up to the target year.
create table plan_target (
    id                bigserial primary key,
    region_code       char(6)     not null check (region_code ~ '^[0-9]{6}$'),
    region_name       text        not null,
    listing_type      text        not null check (listing_type in ('GREEN_FACTORY', 'GREEN_PARK', 'GREEN_PRODUCT', 'GREEN_SUPPLY_CHAIN')),
    level             text check (level in ('NATIONAL', 'PROVINCIAL', 'MUNICIPAL')),
    year              int         not null check (year between 1990 and 2100),
    cumulative_target int         not null check (cumulative_target > 0),
    source_document   text        not null,
    note              text,
    idempotency_key   text unique,
    updated_at        timestamptz not null default now(),
    updated_by        text        not null default 'flyway'
);
create unique index plan_target_identity on plan_target (region_code, listing_type, coalesce(level, ''), year);

-- Index rebuilds requested by administrators; the instance that follows the feeds runs them.
create table index_rebuild (
    id              uuid primary key,
    state           text        not null check (state in ('REQUESTED', 'RUNNING', 'DONE', 'FAILED')),
    requested_at    timestamptz not null,
    requested_by    text        not null,
    started_at      timestamptz,
    finished_at     timestamptz,
    target_index    text,
    previous_index  text,
    replay_until    bigint,
    replayed        bigint      not null default 0,
    last_sequence   bigint      not null default 0,
    documents       bigint,
    error           text
);
-- at most one rebuild waiting or running
create unique index index_rebuild_one_active on index_rebuild ((true)) where state in ('REQUESTED', 'RUNNING');

-- Seed targets from the provincial policy documents (shared/seeds).
insert into plan_target (region_code, region_name, listing_type, year, cumulative_target, source_document, note) values
  ('640000', '宁夏回族自治区', 'GREEN_FACTORY', 2021, 70,  '推动工业绿色改造三年行动计划（2021-2023年）', '绿色改造年度目标：2021年累计创建70家绿色工厂'),
  ('640000', '宁夏回族自治区', 'GREEN_FACTORY', 2022, 80,  '推动工业绿色改造三年行动计划（2021-2023年）', '绿色改造年度目标：2022年累计创建80家绿色工厂'),
  ('640000', '宁夏回族自治区', 'GREEN_FACTORY', 2023, 100, '推动工业绿色改造三年行动计划（2021-2023年）', '绿色改造年度目标：2023年累计创建100家绿色工厂'),
  ('640000', '宁夏回族自治区', 'GREEN_PARK',    2021, 10,  '推动工业绿色改造三年行动计划（2021-2023年）', '绿色改造年度目标：2021年累计创建10个绿色园区'),
  ('640000', '宁夏回族自治区', 'GREEN_PARK',    2022, 11,  '推动工业绿色改造三年行动计划（2021-2023年）', '绿色改造年度目标：2022年累计创建11个绿色园区'),
  ('640000', '宁夏回族自治区', 'GREEN_PARK',    2023, 12,  '推动工业绿色改造三年行动计划（2021-2023年）', '绿色改造年度目标：2023年累计创建12个绿色园区'),
  ('640000', '宁夏回族自治区', 'GREEN_PRODUCT', 2021, 15,  '推动工业绿色改造三年行动计划（2021-2023年）', '绿色制造典型示范行动：2021年开发推广15种工业绿色产品（按绿色设计产品计）'),
  ('640000', '宁夏回族自治区', 'GREEN_PRODUCT', 2023, 25,  '推动工业绿色改造三年行动计划（2021-2023年）', '绿色制造典型示范行动：到2023年开发推广25种工业绿色产品（按绿色设计产品计）'),
  ('140200', '大同市',         'GREEN_FACTORY', 2025, 80,  '大同市推进工业绿色发展行动计划（2022-2025年）', '发展目标：力争全市“绿色工厂”培育示范企业数量达到80家以上（各级合计）');

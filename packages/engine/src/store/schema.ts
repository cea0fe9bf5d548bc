/**
 * The schema's versions: migration n (1-based) takes a database from version n - 1 to n. Each runs
 * once, in its own transaction with the bump of SQLite's `user_version`, so a data directory from an
 * older Sandcloud upgrades in place and a failed step leaves the previous version intact. Only ever
 * append: a released migration is never edited. A database whose version is above
 * `MIGRATIONS.length` was written by a newer Sandcloud and is refused (`database.ts`).
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE resources (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL,
    project_id  TEXT,
    name        TEXT NOT NULL,
    status      TEXT NOT NULL,
    data        TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
  );
  CREATE INDEX resources_by_kind_project ON resources(kind, project_id, created_at);

  -- One row per address handed out: the primary key is what makes double allocation impossible,
  -- even for two processes sharing the file.
  CREATE TABLE ip_allocations (
    pool        TEXT NOT NULL,
    address     TEXT NOT NULL,
    owner_id    TEXT NOT NULL,
    PRIMARY KEY (pool, address)
  );
  CREATE INDEX ip_allocations_by_owner ON ip_allocations(owner_id);

  CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE COLLATE NOCASE,
    password_hash TEXT NOT NULL,
    is_admin      INTEGER NOT NULL,
    language      TEXT NOT NULL,
    created_at    INTEGER NOT NULL
  );

  CREATE TABLE sessions (
    token_hash  TEXT PRIMARY KEY,
    user_id     TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    csrf_token  TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL
  );

  CREATE TABLE project_members (
    project_id  TEXT NOT NULL,
    user_id     TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role        TEXT NOT NULL,
    PRIMARY KEY (project_id, user_id)
  );

  -- Pending steps of long operations (BUILD → ACTIVE…). Kept in the database so that a killed
  -- process resumes them on restart.
  CREATE TABLE scheduled_tasks (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    due_at   INTEGER NOT NULL,
    type     TEXT NOT NULL,
    payload  TEXT NOT NULL
  );
  CREATE INDEX scheduled_tasks_by_due ON scheduled_tasks(due_at, id);

  CREATE TABLE resource_events (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    resource_id  TEXT NOT NULL,
    at           INTEGER NOT NULL,
    status       TEXT,
    message      TEXT NOT NULL
  );
  CREATE INDEX resource_events_by_resource ON resource_events(resource_id, id);

  CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
  );
  `,
  `
  -- What each disk holds (an instance's root disk, keyed by the instance id): the guest's flushed
  -- filesystem as JSON. Kept out of the resource rows so lists stay light.
  CREATE TABLE disk_contents (
    owner_id  TEXT PRIMARY KEY,
    snapshot  TEXT NOT NULL
  );
  `,
  `
  -- Flow logs of instances: what the security groups did with each connection the data plane saw.
  -- Kept to the last few hundred entries per instance (FlowLogService prunes as it writes).
  CREATE TABLE flow_logs (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    instance_id     TEXT NOT NULL,
    project_id      TEXT,
    at              INTEGER NOT NULL,
    source_ip       TEXT NOT NULL,
    source_port     INTEGER,
    destination_ip  TEXT NOT NULL,
    protocol        TEXT NOT NULL,
    port            INTEGER,
    action          TEXT NOT NULL,
    reason_code     TEXT NOT NULL,
    message         TEXT NOT NULL
  );
  CREATE INDEX flow_logs_by_instance ON flow_logs(instance_id, id);
  `,
  `
  -- Identity hardening: an administrator can disable a user (sessions end, sign-ins are refused),
  -- and failed sign-ins are counted per account and per client address (rate-limiter-flexible's
  -- SQLite table: key, points, expiry in ms) so a restart does not reset the limits.
  ALTER TABLE users ADD COLUMN disabled_at INTEGER;
  CREATE TABLE login_limits (
    key     TEXT PRIMARY KEY,
    points  INTEGER NOT NULL DEFAULT 0,
    expire  INTEGER
  );
  `,
  `
  -- The activity log: every change someone asked for (console or any API), who, on what, and how it
  -- ended. Kept at least 30 days (ActivityLog prunes older rows). Paged newest first per project.
  CREATE TABLE activity_log (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    at             INTEGER NOT NULL,
    project_id     TEXT,
    user_id        TEXT,
    user_name      TEXT NOT NULL,
    action         TEXT NOT NULL,
    resource_kind  TEXT NOT NULL,
    resource_id    TEXT,
    resource_name  TEXT,
    result         TEXT NOT NULL,
    reason         TEXT,
    request_id     TEXT,
    source         TEXT NOT NULL,
    finished_at    INTEGER
  );
  CREATE INDEX activity_log_by_project ON activity_log(project_id, id);
  CREATE INDEX activity_log_by_resource ON activity_log(resource_id, id);
  CREATE INDEX activity_log_by_time ON activity_log(at);
  `,
];

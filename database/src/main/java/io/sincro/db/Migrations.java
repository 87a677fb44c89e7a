package io.sincro.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schema's history, one migration per change, applied in order when a database opens. A
 * migration is never edited once released: a change to the schema is a new migration at the end.
 */
final class Migrations {

    private static final Logger log = LoggerFactory.getLogger(Migrations.class);

    record Migration(int version, String description, List<String> statements) {
    }

    static final List<Migration> ALL = List.of(
            new Migration(1, "stations, agents, master data, special prices, stock, orders", List.of(
                    """
                    CREATE TABLE station (
                      id SMALLINT NOT NULL PRIMARY KEY CONSTRAINT station_single_row CHECK (id = 1),
                      role VARCHAR(12) NOT NULL CHECK (role IN ('HEAD_OFFICE', 'AGENT')),
                      agent_code VARCHAR(10),
                      created_at TIMESTAMP NOT NULL,
                      CONSTRAINT station_agent_code CHECK (
                        (role = 'AGENT' AND agent_code IS NOT NULL) OR (role = 'HEAD_OFFICE' AND agent_code IS NULL)))
                    """,
                    """
                    CREATE TABLE agent (
                      code VARCHAR(10) NOT NULL PRIMARY KEY,
                      name VARCHAR(100) NOT NULL,
                      email VARCHAR(254),
                      created_at TIMESTAMP NOT NULL,
                      updated_at TIMESTAMP NOT NULL)
                    """,
                    """
                    CREATE TABLE price_list (
                      code VARCHAR(20) NOT NULL PRIMARY KEY,
                      description VARCHAR(100) NOT NULL,
                      updated_at TIMESTAMP NOT NULL)
                    """,
                    """
                    CREATE TABLE customer (
                      code VARCHAR(20) NOT NULL PRIMARY KEY,
                      name VARCHAR(120) NOT NULL,
                      vat_number VARCHAR(20),
                      address VARCHAR(200),
                      city VARCHAR(80),
                      email VARCHAR(254),
                      phone VARCHAR(40),
                      agent_code VARCHAR(10) REFERENCES agent (code),
                      price_list_code VARCHAR(20) REFERENCES price_list (code),
                      origin VARCHAR(12) NOT NULL CHECK (origin IN ('HEAD_OFFICE', 'AGENT')),
                      created_at TIMESTAMP NOT NULL,
                      updated_at TIMESTAMP NOT NULL)
                    """,
                    "CREATE INDEX customer_by_agent ON customer (agent_code)",
                    """
                    CREATE TABLE product (
                      code VARCHAR(30) NOT NULL PRIMARY KEY,
                      description VARCHAR(200) NOT NULL,
                      unit VARCHAR(10) NOT NULL,
                      vat_rate DECIMAL(5, 2) NOT NULL,
                      active BOOLEAN NOT NULL,
                      updated_at TIMESTAMP NOT NULL)
                    """,
                    """
                    CREATE TABLE price_list_row (
                      price_list_code VARCHAR(20) NOT NULL REFERENCES price_list (code),
                      product_code VARCHAR(30) NOT NULL REFERENCES product (code),
                      price DECIMAL(15, 4) NOT NULL,
                      updated_at TIMESTAMP NOT NULL,
                      PRIMARY KEY (price_list_code, product_code))
                    """,
                    """
                    CREATE TABLE special_price (
                      customer_code VARCHAR(20) NOT NULL REFERENCES customer (code),
                      product_code VARCHAR(30) NOT NULL REFERENCES product (code),
                      price DECIMAL(15, 4) NOT NULL,
                      discount DECIMAL(5, 2) NOT NULL,
                      updated_at TIMESTAMP NOT NULL,
                      updated_by VARCHAR(20) NOT NULL,
                      PRIMARY KEY (customer_code, product_code))
                    """,
                    """
                    CREATE TABLE stock (
                      product_code VARCHAR(30) NOT NULL PRIMARY KEY REFERENCES product (code),
                      quantity DECIMAL(15, 3) NOT NULL,
                      updated_at TIMESTAMP NOT NULL)
                    """,
                    """
                    CREATE TABLE code_series (
                      name VARCHAR(30) NOT NULL PRIMARY KEY,
                      next_value BIGINT NOT NULL)
                    """,
                    """
                    CREATE TABLE customer_order (
                      series VARCHAR(10) NOT NULL,
                      number INT NOT NULL,
                      agent_code VARCHAR(10) REFERENCES agent (code),
                      customer_code VARCHAR(20) NOT NULL REFERENCES customer (code),
                      origin VARCHAR(12) NOT NULL CHECK (origin IN ('HEAD_OFFICE', 'AGENT')),
                      status VARCHAR(12) NOT NULL,
                      order_date DATE NOT NULL,
                      delivery_date DATE,
                      notes VARCHAR(1000),
                      status_reason VARCHAR(500),
                      created_at TIMESTAMP NOT NULL,
                      updated_at TIMESTAMP NOT NULL,
                      PRIMARY KEY (series, number))
                    """,
                    "CREATE INDEX order_by_customer ON customer_order (customer_code)",
                    """
                    CREATE TABLE order_line (
                      series VARCHAR(10) NOT NULL,
                      number INT NOT NULL,
                      line_no INT NOT NULL,
                      product_code VARCHAR(30) NOT NULL REFERENCES product (code),
                      quantity DECIMAL(15, 3) NOT NULL,
                      unit_price DECIMAL(15, 4) NOT NULL,
                      discount DECIMAL(5, 2) NOT NULL,
                      PRIMARY KEY (series, number, line_no),
                      FOREIGN KEY (series, number) REFERENCES customer_order (series, number) ON DELETE CASCADE)
                    """)),
            // Change tracking and the package identities (the sync's ledger). change_seq is the
            // station-wide change number of the row's last local change (0: never changed here, or
            // received from the other side); a delta is "change_seq above the acknowledged mark".
            new Migration(2, "change tracking, tombstones, special price conflicts, package identities", List.of(
                    "ALTER TABLE customer ADD COLUMN change_seq BIGINT NOT NULL DEFAULT 0",
                    "ALTER TABLE product ADD COLUMN change_seq BIGINT NOT NULL DEFAULT 0",
                    "ALTER TABLE price_list ADD COLUMN change_seq BIGINT NOT NULL DEFAULT 0",
                    "ALTER TABLE price_list_row ADD COLUMN change_seq BIGINT NOT NULL DEFAULT 0",
                    "ALTER TABLE special_price ADD COLUMN change_seq BIGINT NOT NULL DEFAULT 0",
                    "ALTER TABLE stock ADD COLUMN change_seq BIGINT NOT NULL DEFAULT 0",
                    "ALTER TABLE customer_order ADD COLUMN change_seq BIGINT NOT NULL DEFAULT 0",
                    "CREATE INDEX customer_changes ON customer (change_seq)",
                    "CREATE INDEX product_changes ON product (change_seq)",
                    "CREATE INDEX price_list_changes ON price_list (change_seq)",
                    "CREATE INDEX price_list_row_changes ON price_list_row (change_seq)",
                    "CREATE INDEX special_price_changes ON special_price (change_seq)",
                    "CREATE INDEX stock_changes ON stock (change_seq)",
                    "CREATE INDEX order_changes ON customer_order (agent_code, change_seq)",
                    "INSERT INTO code_series (name, next_value) VALUES ('change', 1)",
                    """
                    CREATE TABLE tombstone (
                      entity VARCHAR(20) NOT NULL,
                      key1 VARCHAR(30) NOT NULL,
                      key2 VARCHAR(30) NOT NULL,
                      scope VARCHAR(10) NOT NULL,
                      change_seq BIGINT NOT NULL,
                      deleted_at TIMESTAMP NOT NULL,
                      deleted_by VARCHAR(20) NOT NULL,
                      PRIMARY KEY (entity, key1, key2, scope))
                    """,
                    "CREATE INDEX tombstone_changes ON tombstone (entity, scope, change_seq)",
                    """
                    CREATE TABLE price_conflict (
                      id BIGINT NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                      customer_code VARCHAR(20) NOT NULL,
                      product_code VARCHAR(30) NOT NULL,
                      kept_price DECIMAL(15, 4),
                      kept_discount DECIMAL(5, 2),
                      kept_updated_at TIMESTAMP,
                      kept_updated_by VARCHAR(20),
                      kept_deleted BOOLEAN NOT NULL,
                      lost_price DECIMAL(15, 4),
                      lost_discount DECIMAL(5, 2),
                      lost_updated_at TIMESTAMP NOT NULL,
                      lost_updated_by VARCHAR(20) NOT NULL,
                      lost_deleted BOOLEAN NOT NULL,
                      reason VARCHAR(300) NOT NULL,
                      package_name VARCHAR(60) NOT NULL,
                      decided_at TIMESTAMP NOT NULL)
                    """,
                    "CREATE INDEX price_conflict_by_row ON price_conflict (customer_code, product_code)",
                    // the last version of each special price received from the other side: a
                    // version sent again (a full package, overlapping deltas) is not a new conflict
                    """
                    CREATE TABLE received_price (
                      customer_code VARCHAR(20) NOT NULL,
                      product_code VARCHAR(30) NOT NULL,
                      updated_at TIMESTAMP NOT NULL,
                      updated_by VARCHAR(20) NOT NULL,
                      deleted BOOLEAN NOT NULL,
                      PRIMARY KEY (customer_code, product_code))
                    """,
                    """
                    CREATE TABLE exported_package (
                      stream VARCHAR(20) NOT NULL,
                      sequence BIGINT NOT NULL,
                      kind VARCHAR(5) NOT NULL CHECK (kind IN ('FULL', 'DELTA')),
                      based_on BIGINT NOT NULL,
                      change_mark BIGINT NOT NULL,
                      file_name VARCHAR(60) NOT NULL,
                      bytes BIGINT NOT NULL,
                      sha256 CHAR(64) NOT NULL,
                      written_at TIMESTAMP NOT NULL,
                      PRIMARY KEY (stream, sequence))
                    """,
                    """
                    CREATE TABLE imported_package (
                      stream VARCHAR(20) NOT NULL,
                      sequence BIGINT NOT NULL,
                      kind VARCHAR(7) NOT NULL CHECK (kind IN ('FULL', 'DELTA', 'COVERED')),
                      file_name VARCHAR(60) NOT NULL,
                      sha256 CHAR(64) NOT NULL,
                      sender_clock TIMESTAMP NOT NULL,
                      clock_difference_ms BIGINT NOT NULL,
                      imported_at TIMESTAMP NOT NULL,
                      PRIMARY KEY (stream, sequence))
                    """,
                    """
                    CREATE TABLE acknowledgement (
                      stream VARCHAR(20) NOT NULL,
                      station VARCHAR(10) NOT NULL,
                      sequence BIGINT NOT NULL,
                      received_at TIMESTAMP NOT NULL,
                      PRIMARY KEY (stream, station))
                    """)),
            new Migration(3, "agent station: product search columns, order templates", List.of(
                    // Upper-cased copies Derby keeps in step by itself, so every writer of product
                    // (imports, sync) stays correct without knowing about search; indexed, so a
                    // prefix search is a B-tree range even on 200,000 products.
                    "ALTER TABLE product ADD COLUMN search_code VARCHAR(30) GENERATED ALWAYS AS (UPPER(code))",
                    "ALTER TABLE product ADD COLUMN search_text VARCHAR(200) GENERATED ALWAYS AS (UPPER(description))",
                    // code and description in index order: the first page of a search is read
                    // straight off the index, with no sort of everything the prefix matches
                    "CREATE INDEX product_by_search_code ON product (search_code, code)",
                    "CREATE INDEX product_by_search_text ON product (search_text, code)",
                    "CREATE INDEX order_by_status ON customer_order (status)",
                    // Templates are the agent's own shortcuts (seed 000): they never travel.
                    """
                    CREATE TABLE order_template (
                      name VARCHAR(40) NOT NULL PRIMARY KEY,
                      source_order VARCHAR(20),
                      created_at TIMESTAMP NOT NULL)
                    """,
                    """
                    CREATE TABLE order_template_line (
                      template_name VARCHAR(40) NOT NULL REFERENCES order_template (name) ON DELETE CASCADE,
                      line_no INT NOT NULL,
                      product_code VARCHAR(30) NOT NULL REFERENCES product (code),
                      quantity DECIMAL(15, 3) NOT NULL,
                      PRIMARY KEY (template_name, line_no))
                    """)),
            new Migration(4, "order status reported by the head office, orders handed to the back-end", List.of(
                    "ALTER TABLE customer_order ADD COLUMN expected_delivery DATE",
                    "ALTER TABLE customer_order ADD COLUMN status_changed_at TIMESTAMP",
                    "ALTER TABLE customer_order ADD COLUMN exported_at TIMESTAMP",
                    "CREATE INDEX order_not_exported ON customer_order (exported_at, series, number)")),
            new Migration(5, "the transaction log of syncs and packages", List.of(
                    """
                    CREATE TABLE journal (
                      id BIGINT NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                      logged_at TIMESTAMP NOT NULL,
                      event VARCHAR(12) NOT NULL,
                      outcome VARCHAR(8) NOT NULL CHECK (outcome IN ('OK', 'FAILED', 'WARNING')),
                      package_name VARCHAR(60),
                      detail VARCHAR(2000) NOT NULL)
                    """,
                    "CREATE INDEX journal_by_event ON journal (event, outcome, logged_at)")),
            new Migration(6, "the outbound queue, and stations prepared again", List.of(
                    // A package is written once and uploaded until it is there (seed 004: the queue
                    // shows attempts and the last error); it is never rebuilt under a new number.
                    "ALTER TABLE exported_package ADD COLUMN uploaded_at TIMESTAMP",
                    "ALTER TABLE exported_package ADD COLUMN attempts INT NOT NULL DEFAULT 0",
                    "ALTER TABLE exported_package ADD COLUMN last_attempt_at TIMESTAMP",
                    "ALTER TABLE exported_package ADD COLUMN last_error VARCHAR(1000)",
                    // taken out of the mailbox once the other side had it, or a snapshot replaced it
                    "ALTER TABLE exported_package ADD COLUMN removed_at TIMESTAMP",
                    // what the package acknowledged ("HQ_to_A01=4 HQ_catalog=9"): a sync with nothing
                    // new to say writes no package
                    "ALTER TABLE exported_package ADD COLUMN acknowledges VARCHAR(200) NOT NULL DEFAULT ''",
                    // a package of acknowledgements only (no rows) is never acknowledged in turn nor
                    // sent again: the next package's acknowledgements say more
                    "ALTER TABLE exported_package ADD COLUMN row_count BIGINT NOT NULL DEFAULT 0",
                    "ALTER TABLE imported_package ADD COLUMN row_count BIGINT NOT NULL DEFAULT 0",
                    // a station prepared again starts empty: the next package to it must be a snapshot
                    "ALTER TABLE agent ADD COLUMN prepared_at TIMESTAMP",
                    // a flag, not a time comparison: two clocks readings can be equal
                    "ALTER TABLE agent ADD COLUMN needs_snapshot BOOLEAN NOT NULL DEFAULT FALSE")),
            // An empty table takes a package's rows through these in one bulk insert (BulkLoad): one
            // function per row shape, its columns typed as the table's, all fed by BulkLoad.rows.
            new Migration(7, "table functions for loading a package into empty tables", List.of(
                    tableFunction("sincro_price_list_rows", "code VARCHAR(20), description VARCHAR(100)"),
                    tableFunction("sincro_product_rows", "code VARCHAR(30), description VARCHAR(200),"
                            + " unit VARCHAR(10), vat_rate DECIMAL(5, 2), active BOOLEAN"),
                    tableFunction("sincro_price_list_row_rows", "price_list_code VARCHAR(20),"
                            + " product_code VARCHAR(30), price DECIMAL(15, 4)"),
                    tableFunction("sincro_stock_rows", "product_code VARCHAR(30), quantity DECIMAL(15, 3)"),
                    tableFunction("sincro_special_price_rows", "customer_code VARCHAR(20), product_code VARCHAR(30),"
                            + " price DECIMAL(15, 4), discount DECIMAL(5, 2), updated_at TIMESTAMP,"
                            + " updated_by VARCHAR(20)"))),
            // What each package this station wrote acknowledged, one row per stream it acknowledged,
            // instead of the text "HQ_to_A01=4 HQ_catalog=9": a package holds at most two (an
            // agent's: its own stream and the catalog), so two statements move every pair.
            new Migration(8, "what each package written acknowledged, as rows", List.of(
                    """
                    CREATE TABLE sent_acknowledgement (
                      stream VARCHAR(20) NOT NULL,
                      sequence BIGINT NOT NULL,
                      acknowledged_stream VARCHAR(20) NOT NULL,
                      acknowledged_sequence BIGINT NOT NULL,
                      PRIMARY KEY (stream, sequence, acknowledged_stream),
                      FOREIGN KEY (stream, sequence) REFERENCES exported_package (stream, sequence) ON DELETE CASCADE)
                    """,
                    movedAcknowledgements("""
                            CASE WHEN LOCATE(' ', acknowledges) > 0
                                 THEN SUBSTR(acknowledges, 1, LOCATE(' ', acknowledges) - 1) ELSE acknowledges END""",
                            "acknowledges <> ''"),
                    movedAcknowledgements("SUBSTR(acknowledges, LOCATE(' ', acknowledges) + 1)",
                            "LOCATE(' ', acknowledges) > 0"),
                    "ALTER TABLE exported_package DROP COLUMN acknowledges")),
            // An order's status is one record (OrderStatuses): what, why, expected delivery, when and
            // by whom. Orders stored before knew no author: the agent sets DRAFT, SUBMITTED and SENT
            // (in its own series), the head office the rest; a status never changed since the order
            // was stored dates from then.
            new Migration(9, "who set an order's status, and when, for every order", List.of(
                    "ALTER TABLE customer_order ADD COLUMN status_changed_by VARCHAR(10)",
                    """
                    UPDATE customer_order SET status_changed_by =
                      CASE WHEN status IN ('DRAFT', 'SUBMITTED', 'SENT') THEN series ELSE 'HQ' END
                    """,
                    "UPDATE customer_order SET status_changed_at = created_at WHERE status_changed_at IS NULL",
                    "ALTER TABLE customer_order ALTER COLUMN status_changed_by NOT NULL",
                    "ALTER TABLE customer_order ALTER COLUMN status_changed_at NOT NULL")),
            // A full package asked for by hand (sincro hq republish), written by the next sync; the
            // exchange's ledger owns it (io.sincro.sync.ledger.SnapshotRequests).
            new Migration(10, "full packages asked for by hand", List.of(
                    """
                    CREATE TABLE snapshot_request (
                      stream VARCHAR(20) NOT NULL PRIMARY KEY,
                      asked_at TIMESTAMP NOT NULL)
                    """)),
            // What the back-end's special-prices.csv said of each price the last time it was
            // loaded (BackEndPrices): a reload changes only the prices the back-end changed since,
            // so an agent's newer edit survives the daily reload of an unchanged file. Prices the
            // head office stamped last are what the back-end said then.
            new Migration(11, "the back-end's last loaded value of each special price", List.of(
                    """
                    CREATE TABLE backend_special_price (
                      customer_code VARCHAR(20) NOT NULL,
                      product_code VARCHAR(30) NOT NULL,
                      price DECIMAL(15, 4) NOT NULL,
                      discount DECIMAL(5, 2) NOT NULL,
                      loaded_at TIMESTAMP NOT NULL,
                      PRIMARY KEY (customer_code, product_code))
                    """,
                    """
                    INSERT INTO backend_special_price (customer_code, product_code, price, discount, loaded_at)
                    SELECT customer_code, product_code, price, discount, updated_at FROM special_price
                    WHERE updated_by = 'HQ' AND EXISTS (SELECT 1 FROM station WHERE role = 'HEAD_OFFICE')
                    """)),
            // What the head office handed on to its back-end (hq export): agents' new customers once,
            // and each version of a special price an agent edited once (a later edit goes again).
            new Migration(12, "agents' customers and special prices handed to the back-end", List.of(
                    "ALTER TABLE customer ADD COLUMN exported_at TIMESTAMP",
                    """
                    CREATE TABLE exported_special_price (
                      customer_code VARCHAR(20) NOT NULL,
                      product_code VARCHAR(30) NOT NULL,
                      updated_at TIMESTAMP NOT NULL,
                      updated_by VARCHAR(20) NOT NULL,
                      exported_at TIMESTAMP NOT NULL,
                      PRIMARY KEY (customer_code, product_code))
                    """)),
            // What a person at the head office's desk needs to see (hq orders show, hq customers
            // show): every status an order took, and the version of a customer the other side sent
            // that was not taken, field by field (the last one sent replaces the one before).
            new Migration(13, "order status history, customers that arrived with different data", List.of(
                    """
                    CREATE TABLE order_status_history (
                      id BIGINT NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                      series VARCHAR(10) NOT NULL,
                      number INT NOT NULL,
                      status VARCHAR(12) NOT NULL,
                      status_reason VARCHAR(500),
                      expected_delivery DATE,
                      changed_at TIMESTAMP NOT NULL,
                      changed_by VARCHAR(10) NOT NULL,
                      FOREIGN KEY (series, number) REFERENCES customer_order (series, number) ON DELETE CASCADE)
                    """,
                    "CREATE INDEX order_status_history_by_order ON order_status_history (series, number, id)",
                    """
                    INSERT INTO order_status_history (series, number, status, status_reason, expected_delivery,
                                                      changed_at, changed_by)
                    SELECT series, number, status, status_reason, expected_delivery, status_changed_at,
                           status_changed_by
                    FROM customer_order ORDER BY status_changed_at, series, number
                    """,
                    """
                    CREATE TABLE customer_difference (
                      customer_code VARCHAR(20) NOT NULL,
                      field VARCHAR(20) NOT NULL,
                      here_value VARCHAR(254),
                      arrived_value VARCHAR(254),
                      sent_by VARCHAR(10) NOT NULL,
                      package_name VARCHAR(100) NOT NULL,
                      arrived_at TIMESTAMP NOT NULL,
                      PRIMARY KEY (customer_code, field))
                    """)),
            // An order the head office entered from the back-end's orders file keeps the back-end's
            // reference, so loading the same file again enters nothing twice.
            new Migration(14, "the back-end's reference of an order entered from its file", List.of(
                    "ALTER TABLE customer_order ADD COLUMN backend_order VARCHAR(40)",
                    "CREATE INDEX order_by_backend_order ON customer_order (backend_order)")),
            // E-mail notices wait here until the mail server took them; a failed attempt leaves the
            // notice queued with its error, and one queued while no mail server is set is closed as
            // not sent, so none piles up to go out all at once later.
            new Migration(15, "e-mail notices waiting to be sent", List.of(
                    """
                    CREATE TABLE mail_notice (
                      id BIGINT NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                      queued_at TIMESTAMP NOT NULL,
                      topic VARCHAR(60) NOT NULL,
                      recipients VARCHAR(1000) NOT NULL,
                      subject VARCHAR(200) NOT NULL,
                      body CLOB NOT NULL,
                      state VARCHAR(10) NOT NULL CHECK (state IN ('QUEUED', 'SENT', 'NOT_SENT')),
                      attempts INT NOT NULL DEFAULT 0,
                      last_attempt_at TIMESTAMP,
                      last_error VARCHAR(1000))
                    """,
                    "CREATE INDEX mail_notice_by_state ON mail_notice (state, id)",
                    "CREATE INDEX mail_notice_by_topic ON mail_notice (topic, queued_at)")),
            // The identity of this database in the exchange (its epoch): drawn at random when the
            // station first syncs, and again when the sync finds the database went back (restored
            // from a backup, made again). Each package imported keeps its sender's, so a number used
            // before by another database is never taken for a package imported before.
            new Migration(16, "the exchange's database identity (epoch)", List.of(
                    """
                    CREATE TABLE exchange_epoch (
                      id BIGINT NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                      epoch VARCHAR(32) NOT NULL UNIQUE,
                      began_at TIMESTAMP NOT NULL,
                      cause VARCHAR(8) NOT NULL CHECK (cause IN ('CREATED', 'RESTORED')),
                      detail VARCHAR(2000) NOT NULL)
                    """,
                    "ALTER TABLE imported_package ADD COLUMN epoch VARCHAR(32)")),
            // An agent asks for full packages itself (sincro sync --full): its request names the last
            // package it had imported, so a full package above it answers, and the request carried
            // again before the answer came asks for nothing more (io.sincro.sync.ledger.SnapshotRequests).
            new Migration(17, "full packages an agent asks for", List.of(
                    "ALTER TABLE snapshot_request ADD COLUMN after_sequence BIGINT NOT NULL DEFAULT 0")),
            // How each agent's syncs stand as its packages say, and its clock as the head office saw
            // it and last told it; at an agent, its own row: the health it last sent, and its clock as
            // the head office told it (io.sincro.sync.ledger.AgentHealths).
            new Migration(18, "agents' sync health and clocks", List.of(
                    """
                    CREATE TABLE agent_health (
                      agent_code VARCHAR(10) NOT NULL PRIMARY KEY,
                      health_in VARCHAR(40),
                      health_at TIMESTAMP,
                      set_aside INT NOT NULL DEFAULT 0,
                      last_error VARCHAR(500),
                      last_error_at TIMESTAMP,
                      waiting VARCHAR(1100),
                      clock_ahead_seconds BIGINT,
                      clock_seen_in VARCHAR(40),
                      clock_seen_at TIMESTAMP,
                      clock_told_seconds BIGINT)
                    """)),
            // The head office loads the back-end's customers file as it loads the large tables'
            // files (BulkLoad): the new customers in one insert, fed by this function.
            new Migration(19, "table function for loading customers", List.of(
                    tableFunction("sincro_customer_rows", "code VARCHAR(20), name VARCHAR(120), vat_number VARCHAR(20),"
                            + " address VARCHAR(200), city VARCHAR(80), email VARCHAR(254), phone VARCHAR(40),"
                            + " agent_code VARCHAR(10), price_list_code VARCHAR(20)"))),
            // The words of each product's description (io.sincro.db.catalog.ProductWords, kept by
            // Products): "a word starting with ZINC" is a range of this table's index wherever the
            // word stands, where a search inside descriptions read the whole product table. The
            // function reads the product table in the statement's own transaction, so the last
            // statement indexes the products already there in one bulk insert.
            new Migration(20, "the word index of product descriptions", List.of(
                    """
                    CREATE TABLE product_word (
                      word VARCHAR(200) NOT NULL,
                      product_code VARCHAR(30) NOT NULL,
                      PRIMARY KEY (word, product_code))
                    """,
                    "CREATE FUNCTION sincro_product_words() RETURNS TABLE (word VARCHAR(200), product_code VARCHAR(30))"
                            + " LANGUAGE JAVA PARAMETER STYLE DERBY_JDBC_RESULT_SET READS SQL DATA"
                            + " EXTERNAL NAME 'io.sincro.db.catalog.ProductWords.everyProductsWords'",
                    """
                    INSERT INTO product_word (word, product_code)
                    SELECT r.word, r.product_code FROM TABLE (sincro_product_words()) r
                    """)),
            // The orders of an agent's package, their lines and their statuses in one statement each
            // (BulkLoad: into tables that are not empty, an ordinary insert, without a statement per row).
            new Migration(21, "table functions for storing an agent's orders", List.of(
                    tableFunction("sincro_order_rows", "series VARCHAR(10), number INT, agent_code VARCHAR(10),"
                            + " customer_code VARCHAR(20), origin VARCHAR(12), order_date DATE, delivery_date DATE,"
                            + " notes VARCHAR(1000), created_at TIMESTAMP, change_seq BIGINT, status VARCHAR(12),"
                            + " status_changed_at TIMESTAMP, status_changed_by VARCHAR(10)"),
                    tableFunction("sincro_order_line_rows", "series VARCHAR(10), number INT, line_no INT,"
                            + " product_code VARCHAR(30), quantity DECIMAL(15, 3), unit_price DECIMAL(15, 4),"
                            + " discount DECIMAL(5, 2)"),
                    tableFunction("sincro_order_status_rows", "series VARCHAR(10), number INT, status VARCHAR(12),"
                            + " status_reason VARCHAR(500), expected_delivery DATE, changed_at TIMESTAMP,"
                            + " changed_by VARCHAR(10)"))),
            // Derby reserves an identity column's values a range at a time, each range a commit of its
            // own that writes out the log so far and waits for the disk: with its 100 values a range, a
            // head office receiving orders (two status history lines each) waited so every 50 orders. A
            // crash skips what was left of a range, a gap no reader of an id minds (ids only order rows).
            new Migration(22, "identity values reserved a thousand at a time", List.of(
                    "CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.language.sequence.preallocator', '1000')")),
            // price lists are a handful: they go in as ordinary rows (PriceLists.loadLists)
            new Migration(23, "price lists no longer loaded in bulk", List.of(
                    "DROP FUNCTION sincro_price_list_rows")),
            // which agents have an order whose status changed above a number, asked for all agents at
            // once (OrderStatuses.changesOfAgentsSince): a range of this index, not the whole table
            new Migration(24, "orders by change number", List.of(
                    "CREATE INDEX order_status_changes ON customer_order (change_seq)")));

    /** Moves one "STREAM=N" pair of each package's old acknowledges text, {@code pair} picking it, into rows. */
    private static String movedAcknowledgements(String pair, String where) {
        return """
                INSERT INTO sent_acknowledgement (stream, sequence, acknowledged_stream, acknowledged_sequence)
                SELECT stream, sequence, SUBSTR(pair, 1, LOCATE('=', pair) - 1),
                       CAST(SUBSTR(pair, LOCATE('=', pair) + 1) AS BIGINT)
                FROM (SELECT stream, sequence, %s AS pair FROM exported_package WHERE %s) p
                """.formatted(pair, where);
    }

    /** The method is named as text on purpose: databases keep the name, so it must never move. */
    private static String tableFunction(String name, String columns) {
        return "CREATE FUNCTION " + name + "() RETURNS TABLE (" + columns + ")"
                + " LANGUAGE JAVA PARAMETER STYLE DERBY_JDBC_RESULT_SET NO SQL"
                + " EXTERNAL NAME 'io.sincro.db.BulkLoad.rows'";
    }

    private final Clock clock;
    private final List<Migration> migrations;

    Migrations(Clock clock) {
        this(clock, ALL);
    }

    Migrations(Clock clock, List<Migration> migrations) {
        this.clock = clock;
        this.migrations = migrations;
    }

    static int latestVersion() {
        return ALL.get(ALL.size() - 1).version();
    }

    /** Brings the schema up to date; returns the version it is at. */
    int migrate(Connection c, Path where) throws SQLException {
        c.setAutoCommit(false);
        try {
            ensureVersionTable(c);
            int current = currentVersion(c);
            int latest = migrations.get(migrations.size() - 1).version();
            if (current > latest) {
                throw new SchemaTooNewException("the database in " + where + " has schema version " + current
                        + " but this Sincro reads versions up to " + latest
                        + "; install the newer Sincro that wrote it");
            }
            for (Migration m : migrations) {
                if (m.version() > current) {
                    apply(c, m);
                    current = m.version();
                    log.info("database {}: applied migration {} ({})", where, m.version(), m.description());
                }
            }
            return current;
        } finally {
            // a severe error (a damaged or full database) closes the connection: its failure must stand
            if (!c.isClosed()) {
                c.setAutoCommit(true);
            }
        }
    }

    private void apply(Connection c, Migration m) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : m.statements()) {
                s.execute(sql);
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
                insert.setInt(1, m.version());
                insert.setString(2, m.description());
                UtcTimestamps.set(insert, 3, clock.instant());
                insert.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            if (!c.isClosed()) {
                c.rollback();
            }
            throw e;
        }
    }

    private static void ensureVersionTable(Connection c) throws SQLException {
        // the catalog itself rather than DatabaseMetaData.getTables, whose query Derby compiles at
        // every start: a good part of a short command's time
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM SYS.SYSTABLES t JOIN SYS.SYSSCHEMAS s"
                + " ON t.SCHEMAID = s.SCHEMAID WHERE t.TABLENAME = 'SCHEMA_VERSION' AND s.SCHEMANAME = CURRENT SCHEMA");
             ResultSet tables = s.executeQuery()) {
            if (tables.next()) {
                return;
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE schema_version (
                      version INT NOT NULL PRIMARY KEY,
                      description VARCHAR(200) NOT NULL,
                      applied_at TIMESTAMP NOT NULL)
                    """);
        }
        c.commit();
    }

    private static int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}

import GRDB

/// The gateway's tables, grouped by the service of the reference shop that owns them.
/// `docs/mock-server.md` describes them for a person reading the file with `sqlite3`.
///
/// Times are seconds since 1970 (REAL), money is integer minor units with its ISO 4217 code,
/// booleans are 0/1. Constraints state what must never happen: negative stock, a cart line
/// of no units, two orders for one idempotency key, a card number (only brand and last four).
enum GatewaySchema {
    static let firstRelational = "v2 relational"
    static let sshKeys = "v3 ssh keys"
    static let guestActivity = "v4 guest activity goes with the guest"

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(firstRelational) { db in
            try db.execute(sql: catalogTables + accountTables + cartTables + orderTables + serviceTables)
        }
        migrator.registerMigration(sshKeys) { db in
            try db.execute(sql: sshKeyTables)
        }
        migrator.registerMigration(guestActivity) { db in
            try db.execute(sql: guestActivityCleanup)
        }
        return migrator
    }

    /// Catalog and inventory. `catalog_state.revision` moves with every change a catalog read
    /// can show (product fields, stock); each product row keeps the revision it last changed at,
    /// so a process catches up by reading only newer rows.
    static let catalogTables = """
        CREATE TABLE catalog_state (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            revision INTEGER NOT NULL,
            seeded_at REAL
        );
        INSERT INTO catalog_state (id, revision) VALUES (1, 0);
        CREATE TABLE categories (
            id TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL
        );
        CREATE TABLE products (
            id TEXT PRIMARY KEY NOT NULL,
            code TEXT NOT NULL,
            name TEXT NOT NULL,
            description TEXT NOT NULL,
            category_id TEXT NOT NULL REFERENCES categories(id),
            price_usd_cents INTEGER NOT NULL CHECK (price_usd_cents >= 0),
            rating REAL NOT NULL CHECK (rating BETWEEN 0 AND 5),
            rating_count INTEGER NOT NULL CHECK (rating_count >= 0),
            updated_at REAL NOT NULL,
            removed INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
            revision INTEGER NOT NULL
        );
        CREATE UNIQUE INDEX products_live_code ON products(code) WHERE removed = 0;
        CREATE INDEX products_revision ON products(revision);
        CREATE TABLE inventory (
            product_id TEXT PRIMARY KEY NOT NULL REFERENCES products(id),
            on_hand INTEGER NOT NULL CHECK (on_hand >= 0)
        );
        CREATE TABLE stock_updates (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            product_id TEXT NOT NULL REFERENCES products(id),
            change INTEGER NOT NULL,
            on_hand_after INTEGER NOT NULL CHECK (on_hand_after >= 0),
            reason TEXT NOT NULL CHECK (reason IN ('seed', 'order', 'cancel', 'admin')),
            order_id TEXT REFERENCES orders(id),
            at REAL NOT NULL
        );
        CREATE INDEX stock_updates_product ON stock_updates(product_id);

        """

    /// Users, their profiles and addresses, and sessions (SHA-256 digests of the tokens only).
    static let accountTables = """
        CREATE TABLE users (
            id TEXT PRIMARY KEY NOT NULL,
            is_guest INTEGER NOT NULL CHECK (is_guest IN (0, 1)),
            email TEXT COLLATE NOCASE UNIQUE,
            password_hash TEXT,
            created_at REAL NOT NULL,
            CHECK (is_guest = 1 OR (email IS NOT NULL AND password_hash IS NOT NULL))
        );
        CREATE INDEX users_guests ON users(created_at) WHERE is_guest = 1;
        CREATE TABLE user_profiles (
            user_id TEXT PRIMARY KEY NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            name TEXT,
            preferred_currency TEXT
        );
        CREATE TABLE addresses (
            id TEXT PRIMARY KEY NOT NULL,
            user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            line1 TEXT NOT NULL,
            line2 TEXT,
            city TEXT NOT NULL,
            region TEXT,
            postal_code TEXT NOT NULL,
            country TEXT NOT NULL CHECK (length(country) = 2),
            phone TEXT
        );
        CREATE INDEX addresses_user ON addresses(user_id, position);
        CREATE TABLE sessions (
            token_digest TEXT PRIMARY KEY NOT NULL CHECK (length(token_digest) = 64),
            refresh_digest TEXT NOT NULL UNIQUE CHECK (length(refresh_digest) = 64),
            user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            created_at REAL NOT NULL,
            expires_at REAL NOT NULL,
            refresh_expires_at REAL NOT NULL,
            revoked INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1))
        );
        CREATE INDEX sessions_user ON sessions(user_id);

        """

    static let cartTables = """
        CREATE TABLE carts (
            user_id TEXT PRIMARY KEY NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            updated_at REAL NOT NULL
        );
        CREATE TABLE cart_lines (
            user_id TEXT NOT NULL REFERENCES carts(user_id) ON DELETE CASCADE,
            product_id TEXT NOT NULL REFERENCES products(id),
            name TEXT NOT NULL,
            quantity INTEGER NOT NULL CHECK (quantity > 0),
            position INTEGER NOT NULL,
            PRIMARY KEY (user_id, product_id)
        );

        """

    /// Orders and what hangs off them: items, the payment and its transactions, the shipment
    /// and its tracking events, the invoice.
    static let orderTables = """
        CREATE TABLE orders (
            id TEXT PRIMARY KEY NOT NULL,
            user_id TEXT NOT NULL REFERENCES users(id),
            placed_at REAL NOT NULL,
            email TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN
                ('placed', 'paid', 'packed', 'shipped', 'in_transit', 'out_for_delivery', 'delivered', 'cancelled')),
            currency TEXT NOT NULL,
            subtotal INTEGER NOT NULL CHECK (subtotal >= 0),
            shipping_cost INTEGER NOT NULL CHECK (shipping_cost >= 0),
            total INTEGER NOT NULL CHECK (total = subtotal + shipping_cost),
            address_id TEXT NOT NULL,
            address_name TEXT NOT NULL,
            address_line1 TEXT NOT NULL,
            address_line2 TEXT,
            address_city TEXT NOT NULL,
            address_region TEXT,
            address_postal_code TEXT NOT NULL,
            address_country TEXT NOT NULL,
            address_phone TEXT,
            idempotency_key TEXT UNIQUE
        );
        CREATE INDEX orders_user ON orders(user_id, placed_at);
        CREATE TABLE order_items (
            order_id TEXT NOT NULL REFERENCES orders(id),
            position INTEGER NOT NULL,
            product_id TEXT NOT NULL REFERENCES products(id),
            name TEXT NOT NULL,
            unit_price INTEGER NOT NULL CHECK (unit_price >= 0),
            quantity INTEGER NOT NULL CHECK (quantity > 0),
            line_total INTEGER NOT NULL CHECK (line_total = unit_price * quantity),
            PRIMARY KEY (order_id, position)
        );
        CREATE TABLE payments (
            id TEXT PRIMARY KEY NOT NULL,
            order_id TEXT NOT NULL UNIQUE REFERENCES orders(id),
            card_brand TEXT NOT NULL CHECK (card_brand IN ('visa', 'mastercard')),
            card_last4 TEXT NOT NULL CHECK (length(card_last4) = 4),
            amount INTEGER NOT NULL CHECK (amount >= 0),
            currency TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('captured', 'refunded'))
        );
        CREATE TABLE transactions (
            id TEXT PRIMARY KEY NOT NULL,
            payment_id TEXT NOT NULL REFERENCES payments(id),
            kind TEXT NOT NULL CHECK (kind IN ('charge', 'refund')),
            amount INTEGER NOT NULL CHECK (amount >= 0),
            currency TEXT NOT NULL,
            at REAL NOT NULL,
            UNIQUE (payment_id, kind)
        );
        CREATE TABLE shipments (
            tracking_id TEXT PRIMARY KEY NOT NULL,
            order_id TEXT NOT NULL UNIQUE REFERENCES orders(id),
            option TEXT NOT NULL CHECK (option IN ('standard', 'express')),
            name TEXT NOT NULL,
            min_days INTEGER NOT NULL,
            max_days INTEGER NOT NULL,
            estimated_delivery REAL NOT NULL
        );
        CREATE TABLE tracking_events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            tracking_id TEXT NOT NULL REFERENCES shipments(tracking_id),
            status TEXT NOT NULL,
            at REAL NOT NULL,
            note TEXT NOT NULL,
            location TEXT,
            UNIQUE (tracking_id, status)
        );
        CREATE TABLE invoices (
            order_id TEXT PRIMARY KEY NOT NULL REFERENCES orders(id),
            number INTEGER NOT NULL UNIQUE CHECK (number > 0),
            issued_at REAL NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('paid', 'refunded'))
        );

        """

    /// The inbox, the audit trail and the replay records of `Idempotency-Key` requests.
    static let serviceTables = """
        CREATE TABLE notifications (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            public_id TEXT NOT NULL UNIQUE,
            user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('order_confirmation', 'shipping_update', 'order_cancelled', 'welcome')),
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            order_id TEXT REFERENCES orders(id),
            created_at REAL NOT NULL,
            read INTEGER NOT NULL DEFAULT 0 CHECK (read IN (0, 1))
        );
        CREATE INDEX notifications_user ON notifications(user_id);
        CREATE TABLE activity_events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            public_id TEXT NOT NULL UNIQUE,
            at REAL NOT NULL,
            kind TEXT NOT NULL,
            summary TEXT NOT NULL,
            user_id TEXT,
            subject_id TEXT
        );
        CREATE INDEX activity_events_user ON activity_events(user_id);
        CREATE TABLE idempotency_records (
            scoped_key TEXT PRIMARY KEY NOT NULL,
            request_hash TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('in_flight', 'done')),
            owner TEXT NOT NULL,
            claimed_at REAL NOT NULL,
            status INTEGER,
            content_type TEXT,
            body BLOB,
            created_at REAL NOT NULL,
            CHECK (state = 'in_flight' OR (status IS NOT NULL AND body IS NOT NULL))
        );
        CREATE INDEX idempotency_records_age ON idempotency_records(created_at);

        """

    /// `shop serve`'s identities: an SSH public key's SHA-256 fingerprint (never the key) and
    /// the account it signs in to; a key first seen is bound to a new guest.
    static let sshKeyTables = """
        CREATE TABLE ssh_keys (
            fingerprint TEXT PRIMARY KEY NOT NULL CHECK (length(fingerprint) = 50),
            user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            created_at REAL NOT NULL,
            last_used_at REAL NOT NULL
        );
        CREATE INDEX ssh_keys_user ON ssh_keys(user_id);

        """

    /// A guest's audit entries (its cart changes) go when the sweep or the in-memory cap deletes
    /// the guest: `activity_events.user_id` has no foreign key (the audit trail names accounts
    /// that are kept), so without this every anonymous visitor left a row behind for ever, about
    /// 0.25 KB each. Entries already orphaned by earlier sweeps are deleted once.
    static let guestActivityCleanup = """
        CREATE TRIGGER guest_activity_goes_with_the_guest AFTER DELETE ON users WHEN OLD.is_guest = 1
        BEGIN
            DELETE FROM activity_events WHERE user_id = OLD.id;
        END;
        DELETE FROM activity_events WHERE user_id IS NOT NULL AND user_id NOT IN (SELECT id FROM users);

        """
}

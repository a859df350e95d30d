package io.watchfloor.store;

import io.watchfloor.model.Article;
import io.watchfloor.model.Signal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Articles seen and the signals found in them: what makes a pass idempotent and a restart remember history. */
public final class ArticleStore {
    private final Database db;

    public ArticleStore(Database db) {
        this.db = db;
    }

    /** The content hash recorded for an article id, if it was processed before. */
    public Optional<String> hashOf(String articleId) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT sha256 FROM article WHERE id = ?")) {
            ps.setString(1, articleId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot look up article " + articleId, e);
        }
    }

    /** Records an article and its signals in one transaction, replacing an earlier version of the same article. */
    public void save(Article article, String sha256, List<Signal> signals) {
        db.inTransaction("cannot save article " + article.id(), c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM article WHERE id = ?")) {
                del.setString(1, article.id());
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO article (id, sha256, title, published, link, source, processed_at,"
                            + " dated_at_fetch) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, article.id());
                ps.setString(2, sha256);
                ps.setString(3, Text.clip(article.title(), 2000));
                ps.setDate(4, Date.valueOf(article.published()));
                ps.setString(5, article.link());
                ps.setString(6, article.source());
                ps.setTimestamp(7, Timestamp.from(Instant.now()));
                ps.setBoolean(8, article.datedAtFetch());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO signal (article_id, type, actor, target, event_date, planned, confidence, evidence)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Signal s : signals) {
                    ps.setString(1, article.id());
                    ps.setString(2, s.type().name());
                    ps.setString(3, s.actor());
                    ps.setString(4, s.target());
                    ps.setDate(5, Date.valueOf(s.eventDate()));
                    ps.setBoolean(6, s.planned());
                    ps.setDouble(7, s.confidence());
                    ps.setString(8, Text.clip(s.evidence(), 4000));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Articles processed after an instant (by any node), with their signals. */
    public record Processed(Article article, java.time.Instant processedAt, List<Signal> signals) { }

    /**
     * Articles processed after {@code after}, oldest first, with their signals: how a node learns what other nodes
     * (or an earlier run) recorded.
     */
    public List<Processed> processedAfter(java.time.Instant after, LocalDate publishedSince) {
        return processed("a.processed_at > ? AND a.published >= ?", "cannot read articles processed after " + after,
                ps -> {
                    ps.setTimestamp(1, Timestamp.from(after));
                    ps.setDate(2, Date.valueOf(publishedSince));
                });
    }

    /** One article on record with its signals (without its body), if it is on record. */
    public Optional<Processed> processed(String articleId) {
        return processed("a.id = ?", "cannot read article " + articleId, ps -> ps.setString(1, articleId)).stream()
                .findFirst();
    }

    private interface Parameters {
        void set(PreparedStatement ps) throws SQLException;
    }

    private List<Processed> processed(String where, String what, Parameters parameters) {
        String sql = "SELECT a.id, a.title, a.published, a.link, a.source, a.processed_at, s.type, s.actor, s.target,"
                + " s.event_date, s.planned, s.confidence, s.evidence, a.dated_at_fetch FROM article a LEFT JOIN signal s"
                + " ON s.article_id = a.id WHERE " + where + " ORDER BY a.processed_at, a.id, s.id";
        List<Processed> out = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            parameters.set(ps);
            try (ResultSet rs = ps.executeQuery()) {
                Article current = null;
                java.time.Instant at = null;
                List<Signal> signals = null;
                while (rs.next()) {
                    String id = rs.getString(1);
                    if (current == null || !current.id().equals(id)) {
                        if (current != null) {
                            out.add(new Processed(current, at, signals));
                        }
                        current = new Article(id, rs.getString(2), "", rs.getDate(3).toLocalDate(), rs.getString(4),
                                rs.getString(5), rs.getBoolean(14));
                        at = rs.getTimestamp(6).toInstant();
                        signals = new ArrayList<>();
                    }
                    if (rs.getString(7) != null) {
                        signals.add(new Signal(io.watchfloor.model.SignalType.valueOf(rs.getString(7)),
                                rs.getString(8), rs.getString(9), rs.getDate(10).toLocalDate(), rs.getBoolean(11),
                                rs.getString(13), current, rs.getDouble(12)));
                    }
                }
                if (current != null) {
                    out.add(new Processed(current, at, signals));
                }
            }
        } catch (SQLException e) {
            throw new StoreException(what, e);
        }
        return out;
    }

    /** A signal's type and date, for charts. */
    public record Dated(String type, LocalDate eventDate) { }

    /** Signals (not planned) between two countries, either direction, with event dates in [from, to]. */
    public List<Dated> signalsBetween(String a, String b, LocalDate from, LocalDate to) {
        List<Dated> out = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT type, event_date FROM signal WHERE planned = FALSE AND event_date BETWEEN ? AND ?"
                        + " AND ((actor = ? AND target = ?) OR (actor = ? AND target = ?)) ORDER BY event_date")) {
            ps.setDate(1, Date.valueOf(from));
            ps.setDate(2, Date.valueOf(to));
            ps.setString(3, a);
            ps.setString(4, b);
            ps.setString(5, b);
            ps.setString(6, a);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Dated(rs.getString(1), rs.getDate(2).toLocalDate()));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read signals of " + a + "-" + b, e);
        }
        return out;
    }

    /** The most recent publication date on record, if any. */
    public Optional<LocalDate> latestPublished() {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT MAX(published) FROM article");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            Date d = rs.getDate(1);
            return d == null ? Optional.empty() : Optional.of(d.toLocalDate());
        } catch (SQLException e) {
            throw new StoreException("cannot read latest publication date", e);
        }
    }

    public int count() {
        return db.count("SELECT COUNT(*) FROM article", "cannot count articles");
    }
}

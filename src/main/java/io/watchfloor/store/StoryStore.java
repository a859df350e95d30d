package io.watchfloor.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Story clusters: which story each article belongs to, with the term signature it was compared by. */
public final class StoryStore {
    /**
     * One article's place in a story.
     *
     * @param joinedFrom the article it was found similar to (null for a story's first article)
     * @param similarity cosine similarity to that article (null for a story's first article)
     * @param signature  the article's term signature, as written by the clusterer
     */
    public record StoryRow(String articleId, String clusterId, String sourceKey, LocalDate published,
                           String joinedFrom, Double similarity, String signature) { }

    private final Database db;

    public StoryStore(Database db) {
        this.db = db;
    }

    /** Records (or replaces) an article's story. */
    public void save(StoryRow r) {
        try (Connection c = db.connection()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO story (cluster_id, source_key, published,"
                    + " joined_from, similarity, signature, created_at, article_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                bind(ps, r);
                ps.executeUpdate();
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState())) {   // unique violation: the article is processed again
                    throw e;
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE story SET cluster_id = ?, source_key = ?,"
                        + " published = ?, joined_from = ?, similarity = ?, signature = ?, created_at = ?"
                        + " WHERE article_id = ?")) {
                    bind(ps, r);
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot save story of article " + r.articleId(), e);
        }
    }

    private static void bind(PreparedStatement ps, StoryRow r) throws SQLException {
        ps.setString(1, r.clusterId());
        ps.setString(2, Text.clip(r.sourceKey(), 1000));
        ps.setDate(3, Date.valueOf(r.published()));
        ps.setString(4, r.joinedFrom());
        if (r.similarity() == null) {
            ps.setNull(5, Types.DOUBLE);
        } else {
            ps.setDouble(5, r.similarity());
        }
        ps.setString(6, Text.clip(r.signature(), 8000));
        ps.setTimestamp(7, Timestamp.from(Instant.now()));
        ps.setString(8, r.articleId());
    }

    /** Articles published on or after {@code since}, oldest first: what the clusterer compares new articles with. */
    public List<StoryRow> publishedSince(LocalDate since) {
        List<StoryRow> out = new ArrayList<>();
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT article_id, cluster_id, source_key, published,"
                     + " joined_from, similarity, signature FROM story WHERE published >= ?"
                     + " ORDER BY published, created_at, article_id")) {
            ps.setDate(1, Date.valueOf(since));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double sim = rs.getDouble(6);
                    Double similarity = rs.wasNull() ? null : sim;
                    out.add(new StoryRow(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getDate(4).toLocalDate(), rs.getString(5), similarity, rs.getString(7)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot load recent stories", e);
        }
        return out;
    }

    public Optional<String> clusterOf(String articleId) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT cluster_id FROM story WHERE article_id = ?")) {
            ps.setString(1, articleId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read story of article " + articleId, e);
        }
    }

    /** Articles clustered, and distinct stories among them. */
    public int[] counts() {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), COUNT(DISTINCT cluster_id) FROM story");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new int[] {rs.getInt(1), rs.getInt(2)};
        } catch (SQLException e) {
            throw new StoreException("cannot count stories", e);
        }
    }
}

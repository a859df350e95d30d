package io.watchfloor.ingest.feed;

import io.watchfloor.model.Article;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Writes RSS 2.0 documents for tests, from articles (e.g. the seeds) or plain items. */
public final class Rss {
    public record Item(String guid, String link, String title, String body, java.time.LocalDate published) {
        public static Item of(Article a, String guid, String link) {
            return new Item(guid, link, a.title(), a.body(), a.published());
        }
    }

    private Rss() { }

    public static String feed(String title, List<Item> items) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                + "<title>" + esc(title) + "</title><link>https://example.org/</link><description>test</description>\n");
        for (Item i : items) {
            sb.append("<item>");
            if (i.guid() != null) {
                sb.append("<guid isPermaLink=\"false\">").append(esc(i.guid())).append("</guid>");
            }
            if (i.link() != null) {
                sb.append("<link>").append(esc(i.link())).append("</link>");
            }
            sb.append("<title>").append(esc(i.title())).append("</title>");
            sb.append("<pubDate>").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    i.published().atTime(9, 0).atOffset(ZoneOffset.UTC))).append("</pubDate>");
            StringBuilder html = new StringBuilder();
            for (String p : i.body().split("\n\n")) {
                html.append("<p>").append(p).append("</p>");
            }
            sb.append("<description>").append(esc(html.toString())).append("</description></item>\n");
        }
        return sb.append("</channel></rss>\n").toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

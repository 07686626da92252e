package org.arbiter.render;

import java.util.Locale;
import java.util.Set;

import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Links and images as inert text: no href the page could follow, no src it could fetch. The target is shown
 * next to the text so the expert sees where a link points; the pane opens it only on an explicit click,
 * through Java.
 */
final class LinkRenderer implements NodeRenderer {
    private final HtmlNodeRendererContext context;

    LinkRenderer(HtmlNodeRendererContext context) {
        this.context = context;
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(Link.class, Image.class);
    }

    @Override
    public void render(Node node) {
        HtmlWriter w = context.getWriter();
        String url = node instanceof Link l ? l.getDestination() : ((Image) node).getDestination();
        String safe = followable(url) ? url : null;
        if (node instanceof Image) {
            w.raw("<span class=\"image-ref\"" + (safe == null ? "" : " data-href=\"" + Html.escape(safe) + "\"") + ">[image: ");
            renderChildren(node);
            w.raw("] <span class=\"link-url\">" + Html.escape(url) + "</span></span>");
            return;
        }
        w.raw("<a class=\"link\"" + (safe == null ? "" : " data-href=\"" + Html.escape(safe) + "\"") + ">");
        renderChildren(node);
        w.raw("</a>");
        boolean autolink = node.getFirstChild() instanceof Text t && t.getNext() == null
                && (t.getLiteral().equals(url) || ("mailto:" + t.getLiteral()).equals(url));
        if (!autolink) w.raw(" <span class=\"link-url\">" + Html.escape(url) + "</span>");
    }

    private void renderChildren(Node node) {
        for (Node c = node.getFirstChild(); c != null; ) {
            Node next = c.getNext();
            context.render(c);
            c = next;
        }
    }

    /** Only web and mail targets may be offered to the system browser; javascript:, file:, data: never. */
    static boolean followable(String url) {
        String u = url.strip().toLowerCase(Locale.ROOT);
        return u.startsWith("https://") || u.startsWith("http://") || u.startsWith("mailto:");
    }
}

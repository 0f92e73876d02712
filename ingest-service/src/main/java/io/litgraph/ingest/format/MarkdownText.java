package io.litgraph.ingest.format;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

/**
 * The words of a commonmark block and nothing else. commonmark's own TextContentRenderer decorates its
 * output (quotes around links and code, link URLs, «» around block quotes, "- " before list items); none
 * of that is in the author's text, so none of it should be annotated. Block boundaries become line breaks.
 */
final class MarkdownText extends AbstractVisitor {
    private final StringBuilder out = new StringBuilder();

    static String of(Node block) {
        MarkdownText visitor = new MarkdownText();
        block.accept(visitor);
        return visitor.out.toString().strip();
    }

    @Override
    public void visit(Text text) {
        out.append(text.getLiteral());
    }

    @Override
    public void visit(Code code) {
        out.append(code.getLiteral());
    }

    @Override
    public void visit(SoftLineBreak softLineBreak) {
        out.append(' ');
    }

    @Override
    public void visit(HardLineBreak hardLineBreak) {
        out.append('\n');
    }

    @Override
    public void visit(FencedCodeBlock block) {
        newBlock();
        out.append(block.getLiteral().strip());
    }

    @Override
    public void visit(IndentedCodeBlock block) {
        newBlock();
        out.append(block.getLiteral().strip());
    }

    @Override
    public void visit(HtmlInline html) {
        // markup only
    }

    @Override
    public void visit(HtmlBlock html) {
        newBlock();
        out.append(org.jsoup.Jsoup.parse(html.getLiteral()).text());
    }

    @Override
    public void visit(ThematicBreak thematicBreak) {
        // a horizontal rule has no words
    }

    @Override
    protected void visitChildren(Node parent) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof org.commonmark.node.Block) {
                newBlock();
            }
            child.accept(this);
        }
    }

    private void newBlock() {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }
}

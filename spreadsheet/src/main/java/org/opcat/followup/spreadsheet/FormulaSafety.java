package org.opcat.followup.spreadsheet;

/**
 * Keeps recorded text from becoming a formula when a spreadsheet program opens a file the service
 * wrote (CSV injection, OWASP): a title such as {@code =HYPERLINK("https://…"&B5,"open")} would
 * otherwise run in the reader's spreadsheet, public report included.
 *
 * <p>A text cell that starts with {@code = + - @}, a tab or a carriage return gets a single quote
 * in front, as OWASP advises. So that the import can take exactly that quote off again, a text
 * that starts with one or more quotes followed by one of those characters gets one more quote:
 * the written cell then always matches {@code '+[=+\-@\t\r].*}, and {@link #restore} removes one
 * quote from a cell of that shape and from no other. A text such as {@code 'quoted'} or
 * {@code it's} is written and read as it is. Only text cells: numbers are written as numbers.
 */
public final class FormulaSafety {

    private FormulaSafety() {
    }

    /** The text as a cell may hold it: never starting with a character that opens a formula. */
    public static String neutralise(String text) {
        return text != null && escaped(text, 0) ? "'" + text : text;
    }

    /** The text a cell written by {@link #neutralise} stood for. */
    public static String restore(String cell) {
        return cell != null && cell.startsWith("'") && escaped(cell, 1) ? cell.substring(1) : cell;
    }

    /** Whether, from {@code from} on, the text is some quotes (or none) and then a formula opener. */
    private static boolean escaped(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) == '\'') {
            i++;
        }
        return i < text.length() && "=+-@\t\r".indexOf(text.charAt(i)) >= 0;
    }
}

package org.opcat.followup.testsupport;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.asm.ClassReader;

/**
 * Which schemas a class's SQL writes: the tables named by INSERT, UPDATE, DELETE, TRUNCATE and MERGE
 * in its string constants (text blocks and the constant parts of concatenations included). Each
 * schema has one module that writes it; a module's ArchUnit test names the schemas it may write.
 */
public final class SqlWrites {

    private static final Pattern WRITE = Pattern.compile(
            "\\b(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|TRUNCATE(?:\\s+TABLE)?|MERGE\\s+INTO)\\s+(\\w+(?:\\.\\w+)?)",
            Pattern.CASE_INSENSITIVE);
    private static final int CONSTANT_STRING = 8;

    private SqlWrites() {
    }

    /** The tables written, as named ({@code schema.table}, or {@code table} on the search path). */
    public static List<String> tables(JavaClass type) {
        List<String> tables = new ArrayList<>();
        for (String constant : strings(type)) {
            Matcher m = WRITE.matcher(constant);
            while (m.find()) {
                // "ON CONFLICT ... DO UPDATE SET" names no table.
                if (!m.group(1).equalsIgnoreCase("SET")) {
                    tables.add(m.group(1));
                }
            }
        }
        return tables;
    }

    /**
     * Writes only to these schemas; a table without schema counts as {@code unqualified} (the
     * connection's search path), or is refused when that is null.
     */
    public static ArchCondition<JavaClass> writeOnly(Set<String> schemas, String unqualified) {
        return new ArchCondition<>("write only schemas " + schemas) {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                for (String table : tables(type)) {
                    String schema = table.contains(".") ? table.substring(0, table.indexOf('.')) : unqualified;
                    boolean allowed = schema != null && schemas.contains(schema.toLowerCase());
                    events.add(new SimpleConditionEvent(type, allowed,
                            type.getName() + " writes " + table + (allowed ? "" : ", outside " + schemas)));
                }
            }
        };
    }

    private static List<String> strings(JavaClass type) {
        var source = type.getSource().orElseThrow(() -> new IllegalStateException("no class file for " + type.getName()));
        try (InputStream in = source.getUri().toURL().openStream()) {
            ClassReader reader = new ClassReader(in);
            char[] buffer = new char[reader.getMaxStringLength()];
            List<String> strings = new ArrayList<>();
            for (int i = 1; i < reader.getItemCount(); i++) {
                int offset = reader.getItem(i);
                // The second slot of a long or double has no entry of its own.
                if (offset > 0 && reader.readByte(offset - 1) == CONSTANT_STRING) {
                    strings.add(reader.readUTF8(offset, buffer));
                }
            }
            return strings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

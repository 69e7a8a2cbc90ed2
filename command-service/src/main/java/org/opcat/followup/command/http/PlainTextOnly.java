package org.opcat.followup.command.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Accepts only JSON strings where text is expected, and refuses in them control characters other than tab and line breaks, and broken
 * UTF-16 (a lone surrogate). They are never meant, and a NUL cannot even be stored in a PostgreSQL
 * text column of a read model: refusing it at the door keeps the event stream projectable.
 */
@Configuration(proxyBeanMethods = false)
public class PlainTextOnly {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer plainTextStrings() {
        SimpleModule module = new SimpleModule("plain-text-only");
        module.addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                    // Jackson would turn 42 or true into "42" or "true": a wrong type is a client error.
                    return (String) context.handleUnexpectedToken(String.class, parser);
                }
                String value = super.deserialize(parser, context);
                if (value != null && !isPlainText(value)) {
                    return (String) context.handleWeirdStringValue(String.class, value,
                            "control characters and broken Unicode are not accepted");
                }
                return value;
            }
        });
        return builder -> builder.modulesToInstall(modules -> modules.add(module));
    }

    public static boolean isPlainText(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}

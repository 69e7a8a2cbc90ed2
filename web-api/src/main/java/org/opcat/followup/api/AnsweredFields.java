package org.opcat.followup.api;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Marks the fields of every answer as required: the services write answers with Jackson's defaults,
 * which write every record component, a null one too, so a client can count on each field being
 * there. Without it a client generator types every field as optional. A primitive component
 * ({@code int}, {@code boolean}) and a list (the answers give an empty one) are never null; every
 * other field may be (type {@code null}), since the code does not say which may be empty. As a
 * model converter it notes, while the description is made, which record each schema comes from.
 *
 * <p>Schemas a request also uses keep what Bean Validation made of them (their {@code @NotNull}
 * fields required); the hand-written problem schema keeps its own.
 */
final class AnsweredFields implements ModelConverter {

    /** The records the schemas were made from, by schema name (the class's simple name). */
    private final Map<String, Class<?>> records = new ConcurrentHashMap<>();

    @Override
    @SuppressWarnings("rawtypes")
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
        if (raw.isRecord()) {
            records.putIfAbsent(raw.getSimpleName(), raw);
        }
        return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
    }

    @SuppressWarnings("rawtypes")
    void markRequired(OpenAPI api, Set<String> keep) {
        Map<String, Schema> schemas = api.getComponents() == null ? null : api.getComponents().getSchemas();
        if (schemas == null || api.getPaths() == null) {
            return;
        }
        List<Schema> answered = new ArrayList<>();
        List<Schema> sent = new ArrayList<>();
        api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> collect(operation, answered, sent)));
        Set<String> requestNames = reachable(sent, schemas);
        for (String name : reachable(answered, schemas)) {
            Schema<?> schema = schemas.get(name);
            if (requestNames.contains(name) || keep.contains(name) || schema.getProperties() == null) {
                continue;
            }
            schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
            Class<?> record = records.get(name);
            schema.getProperties().replaceAll((field, property) -> primitive(record, field) ? property : orNull(property));
        }
    }

    private static boolean primitive(Class<?> record, String field) {
        return record != null && java.util.Arrays.stream(record.getRecordComponents())
                .anyMatch(component -> component.getName().equals(field) && component.getType().isPrimitive());
    }

    /** OpenAPI 3.1 (springdoc's default) says "may be null" with JSON Schema's type null. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema orNull(Schema property) {
        Set<String> types = property.getTypes() != null ? property.getTypes()
                : property.getType() != null ? Set.of(property.getType()) : Set.of();
        if (types.contains("array") || types.contains("null")) {
            return property;
        }
        if (property.get$ref() == null && property.getEnum() == null && !types.isEmpty()) {
            Set<String> withNull = new LinkedHashSet<>(types);
            withNull.add("null");
            property.setTypes(withNull);
            return property;
        }
        return new JsonSchema().anyOf(List.of(property, new JsonSchema().types(new LinkedHashSet<>(List.of("null")))));
    }

    @SuppressWarnings("rawtypes")
    private static void collect(Operation operation, List<Schema> answered, List<Schema> sent) {
        if (operation.getResponses() != null) {
            operation.getResponses().values().forEach(response -> schemasOf(response.getContent(), answered));
        }
        if (operation.getRequestBody() != null) {
            schemasOf(operation.getRequestBody().getContent(), sent);
        }
        if (operation.getParameters() != null) {
            operation.getParameters().stream().map(Parameter::getSchema).filter(Objects::nonNull).forEach(sent::add);
        }
    }

    @SuppressWarnings("rawtypes")
    private static void schemasOf(Content content, List<Schema> into) {
        if (content != null) {
            content.values().stream().map(io.swagger.v3.oas.models.media.MediaType::getSchema).filter(Objects::nonNull)
                    .forEach(into::add);
        }
    }

    /** The names of the component schemas these schemas lead to, through properties, items and references. */
    @SuppressWarnings("rawtypes")
    private static Set<String> reachable(Collection<Schema> roots, Map<String, Schema> schemas) {
        Set<String> names = new HashSet<>();
        Deque<Schema> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            Schema<?> schema = todo.pop();
            if (schema.get$ref() != null) {
                String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
                if (names.add(name) && schemas.containsKey(name)) {
                    todo.push(schemas.get(name));
                }
            }
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach(todo::push);
            }
            if (schema.getItems() != null) {
                todo.push(schema.getItems());
            }
            if (schema.getAdditionalProperties() instanceof Schema<?> values) {
                todo.push(values);
            }
            for (List<Schema> composed : java.util.Arrays.asList(schema.getAllOf(), schema.getOneOf(), schema.getAnyOf())) {
                if (composed != null) {
                    composed.forEach(todo::push);
                }
            }
        }
        return names;
    }
}

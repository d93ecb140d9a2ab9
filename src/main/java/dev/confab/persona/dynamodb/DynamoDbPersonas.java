package dev.confab.persona.dynamodb;

import static dev.confab.storage.dynamodb.Attributes.bool;
import static dev.confab.storage.dynamodb.Attributes.n;
import static dev.confab.storage.dynamodb.Attributes.names;
import static dev.confab.storage.dynamodb.Attributes.s;

import dev.confab.common.Json;
import dev.confab.persona.Persona;
import dev.confab.persona.PersonaQuery;
import dev.confab.persona.Personas;
import dev.confab.problem.Problem;
import dev.confab.problem.ProblemKind;
import dev.confab.storage.dynamodb.Attributes;
import dev.confab.storage.dynamodb.Contention;
import dev.confab.storage.dynamodb.DynamoDbSettings;
import dev.confab.storage.dynamodb.Item;
import dev.confab.storage.dynamodb.Queries;
import dev.confab.storage.dynamodb.Uniques;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Repository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Personas in DynamoDB: the whole record as a JSON document beside the attributes that keys and
 * filters use. The name is claimed in the uniques table in the same transaction as every write
 * that sets or frees it. Pages come from the by-kind index, whose one partition ("persona") is
 * sorted by creation time and id, as the SQL adapters order them.
 */
@Repository
@Profile("dynamodb")
class DynamoDbPersonas implements Personas {

    static final String KIND = "persona";
    static final String BY_KIND = "by-kind";
    private static final String IS_NEW = "attribute_not_exists(#id)";
    private static final String SAME_VERSION = "#version = :expected";

    private final DynamoDbClient db;
    private final Json json;
    private final Uniques uniques;
    private final String table;

    DynamoDbPersonas(DynamoDbClient db, Json json, Uniques uniques, DynamoDbSettings settings) {
        this.db = db;
        this.json = json;
        this.uniques = uniques;
        this.table = settings.table(DynamoDbSettings.PERSONAS);
    }

    @Override
    public Persona insert(Persona p) {
        Put put = Put.builder().tableName(table).item(item(p))
                .conditionExpression(IS_NEW).expressionAttributeNames(names(IS_NEW)).build();
        try {
            db.transactWriteItems(t -> t.transactItems(TransactWriteItem.builder().put(put).build(),
                    uniques.claim(nameKey(p.name()), p.id())));
            return p;
        } catch (TransactionCanceledException e) {
            throw new Problem(ProblemKind.CONFLICT, "persona_exists",
                    "a persona with id '" + p.id() + "' or name '" + p.name() + "' already exists");
        }
    }

    @Override
    public Persona update(Persona p) {
        Persona next = p.withVersion(p.version() + 1);
        String storedName = stored(p.id()).map(item -> Attributes.text(item, "name"))
                .orElseThrow(() -> changed(p.id()));
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(item(next))
                .conditionExpression(SAME_VERSION).expressionAttributeNames(names(SAME_VERSION))
                .expressionAttributeValues(Map.of(":expected", n(p.version()))).build()).build());
        if (!storedName.equals(p.name())) {
            writes.add(uniques.claim(nameKey(p.name()), p.id()));
            writes.add(uniques.release(nameKey(storedName), p.id()));
        }
        try {
            db.transactWriteItems(t -> t.transactItems(writes));
            return next;
        } catch (TransactionCanceledException e) {
            if (!Contention.lost(e, 0) && Contention.lost(e, 1)) {
                throw new Problem(ProblemKind.CONFLICT, "persona_exists",
                        "a persona named '" + p.name() + "' already exists");
            }
            throw changed(p.id());
        }
    }

    @Override
    public Optional<Persona> byId(String id) {
        return stored(id).map(item -> json.read(Attributes.text(item, "document"), Persona.class));
    }

    @Override
    public Optional<Persona> byName(String name) {
        return uniques.owner(nameKey(name)).flatMap(this::byId);
    }

    @Override
    public List<Persona> page(PersonaQuery q, int limit, int offset) {
        return Queries.window(db, query(q), limit, offset).stream()
                .map(item -> json.read(Attributes.text(item, "document"), Persona.class)).toList();
    }

    @Override
    public long count(PersonaQuery q) {
        return Queries.count(db, query(q));
    }

    @Override
    public boolean delete(String id) {
        return Contention.retry("persona '" + id + "'", () -> {
            Optional<Map<String, AttributeValue>> current = stored(id);
            if (current.isEmpty()) {
                return false;
            }
            Delete delete = Delete.builder().tableName(table).key(Map.of("id", s(id)))
                    .conditionExpression(SAME_VERSION).expressionAttributeNames(names(SAME_VERSION))
                    .expressionAttributeValues(Map.of(":expected", current.get().get("version"))).build();
            db.transactWriteItems(t -> t.transactItems(TransactWriteItem.builder().delete(delete).build(),
                    uniques.release(nameKey(Attributes.text(current.get(), "name")), id)));
            return true;
        });
    }

    private Optional<Map<String, AttributeValue>> stored(String id) {
        var response = db.getItem(r -> r.tableName(table).key(Map.of("id", s(id))).consistentRead(true));
        return response.hasItem() ? Optional.of(response.item()) : Optional.empty();
    }

    private Map<String, AttributeValue> item(Persona p) {
        String created = Attributes.time(p.createdAt());
        return Item.of().text("id", p.id()).text("kind", KIND).text("page_key", created + "#" + p.id())
                .text("name", p.name()).text("category", p.category()).flag("active", p.active())
                .number("version", p.version()).text("created_at", created).text("document", json.write(p)).map();
    }

    /** The by-kind index in creation order; activity and category are filters within it. */
    private QueryRequest query(PersonaQuery q) {
        String key = "#kind = :kind";
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":kind", s(KIND)));
        List<String> filters = new ArrayList<>();
        if (Boolean.TRUE.equals(q.activeOnly())) {
            filters.add("#active = :active");
            values.put(":active", bool(true));
        }
        if (q.category() != null) {
            filters.add("#category = :category");
            values.put(":category", s(q.category()));
        }
        String filter = filters.isEmpty() ? null : String.join(" AND ", filters);
        return QueryRequest.builder().tableName(table).indexName(BY_KIND).keyConditionExpression(key)
                .filterExpression(filter).expressionAttributeNames(names(key, filter))
                .expressionAttributeValues(values).scanIndexForward(true).build();
    }

    private static String nameKey(String name) {
        return "persona-name#" + name;
    }

    private static Problem changed(String id) {
        return new Problem(ProblemKind.CONFLICT, "persona_changed",
                "persona '" + id + "' was changed by someone else; read it again and retry");
    }
}

package dev.confab.persona.jdbc;

import dev.confab.common.Json;
import dev.confab.persona.Persona;
import dev.confab.persona.PersonaQuery;
import dev.confab.persona.Personas;
import dev.confab.problem.Problem;
import dev.confab.problem.ProblemKind;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Personas in a SQL database: searchable columns beside the whole record as a JSON document. */
@Repository
@Profile("!dynamodb")
class JdbcPersonas implements Personas {

    private final JdbcClient jdbc;
    private final Json json;

    JdbcPersonas(JdbcClient jdbc, Json json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Persona insert(Persona p) {
        try {
            jdbc.sql("""
                    INSERT INTO personas (id, name, category, active, document, version, created_at, updated_at)
                    VALUES (:id, :name, :category, :active, :document, 0, :created, :updated)""")
                    .param("id", p.id()).param("name", p.name()).param("category", p.category())
                    .param("active", p.active()).param("document", json.write(p))
                    .param("created", Timestamp.from(p.createdAt())).param("updated", Timestamp.from(p.updatedAt()))
                    .update();
            return p;
        } catch (DuplicateKeyException e) {
            throw new Problem(ProblemKind.CONFLICT, "persona_exists",
                    "a persona with id '" + p.id() + "' or name '" + p.name() + "' already exists");
        }
    }

    @Override
    public Persona update(Persona p) {
        Persona next = p.withVersion(p.version() + 1);
        int rows;
        try {
            rows = jdbc.sql("""
                    UPDATE personas SET name = :name, category = :category, active = :active, document = :document,
                        version = :next, updated_at = :updated
                    WHERE id = :id AND version = :version""")
                    .param("id", p.id()).param("name", p.name()).param("category", p.category())
                    .param("active", p.active()).param("document", json.write(next))
                    .param("next", next.version()).param("version", p.version())
                    .param("updated", Timestamp.from(p.updatedAt()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new Problem(ProblemKind.CONFLICT, "persona_exists", "a persona named '" + p.name() + "' already exists");
        }
        if (rows == 0) {
            throw new Problem(ProblemKind.CONFLICT, "persona_changed",
                    "persona '" + p.id() + "' was changed by someone else; read it again and retry");
        }
        return next;
    }

    @Override
    public Optional<Persona> byId(String id) {
        return jdbc.sql("SELECT document FROM personas WHERE id = :id").param("id", id)
                .query(String.class).optional().map(doc -> json.read(doc, Persona.class));
    }

    @Override
    public Optional<Persona> byName(String name) {
        return jdbc.sql("SELECT document FROM personas WHERE name = :name").param("name", name)
                .query(String.class).optional().map(doc -> json.read(doc, Persona.class));
    }

    @Override
    public List<Persona> page(PersonaQuery q, int limit, int offset) {
        return jdbc.sql("SELECT document FROM personas WHERE " + filter(q)
                        + " ORDER BY created_at, id LIMIT :limit OFFSET :offset")
                .param("category", q.category()).param("limit", limit).param("offset", offset)
                .query(String.class).list().stream().map(doc -> json.read(doc, Persona.class)).toList();
    }

    @Override
    public long count(PersonaQuery q) {
        return jdbc.sql("SELECT COUNT(*) FROM personas WHERE " + filter(q))
                .param("category", q.category()).query(Long.class).single();
    }

    @Override
    public boolean delete(String id) {
        return jdbc.sql("DELETE FROM personas WHERE id = :id").param("id", id).update() > 0;
    }

    private static String filter(PersonaQuery q) {
        String where = Boolean.TRUE.equals(q.activeOnly()) ? "active = TRUE" : "1 = 1";
        return q.category() == null ? where : where + " AND category = :category";
    }
}

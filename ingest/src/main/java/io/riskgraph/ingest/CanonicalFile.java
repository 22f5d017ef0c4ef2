package io.riskgraph.ingest;

import io.riskgraph.model.EnterpriseStatus;
import io.riskgraph.model.EnterpriseType;
import io.riskgraph.model.EventKinds.*;
import io.riskgraph.model.LinkKind;
import io.riskgraph.model.Role;
import io.riskgraph.model.Segment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.riskgraph.ingest.Field.optional;
import static io.riskgraph.ingest.Field.required;
import static io.riskgraph.ingest.FieldType.*;

/**
 * The files of the data contract (../shared/spec/data-format.md), in load order: entities before the
 * relationships and events that refer to them, so that stubs are only made for what is really missing.
 */
public enum CanonicalFile {
    ENTERPRISES("enterprises", "uscc",
            required("uscc", USCC), required("name", TEXT), optional("type", enumOf(EnterpriseType.class)),
            optional("status", enumOf(EnterpriseStatus.class)), optional("established", DATE),
            optional("registered_capital", MONEY), optional("paid_in_capital", MONEY), optional("district", TEXT),
            optional("address", TEXT), optional("phone", TEXT), optional("segments", enumListOf(Segment.class)),
            optional("employees", COUNT)),
    PERSONS("persons", "person_id",
            required("person_id", TEXT), required("name", TEXT), optional("id_number", TEXT),
            optional("phone", TEXT), optional("address", TEXT)),
    INSPECTORS("inspectors", "inspector_id",
            required("inspector_id", TEXT), required("name", TEXT), optional("unit", TEXT),
            optional("district", TEXT), optional("person_id", TEXT)),
    ROLES("roles", null,
            required("person_id", TEXT), required("uscc", USCC), required("role", enumOf(Role.class)),
            optional("share", SHARE), optional("since", DATE), optional("until", DATE)),
    ENTERPRISE_LINKS("enterprise_links", null,
            required("from_uscc", USCC), required("to_uscc", USCC), required("kind", enumOf(LinkKind.class)),
            optional("share", SHARE), optional("since", DATE), optional("until", DATE)),
    INSPECTIONS("inspections", "inspection_id",
            required("inspection_id", TEXT), required("uscc", USCC), required("date", DATE),
            optional("kind", enumOf(InspectionKind.class)), optional("inspectors", LIST),
            required("result", enumOf(InspectionResult.class)), optional("issues", COUNT),
            optional("rectified", BOOLEAN), optional("code", TEXT)),
    SAMPLES("samples", "sample_id",
            required("sample_id", TEXT), required("uscc", USCC), optional("producer_uscc", USCC),
            required("date", DATE), optional("product", TEXT), optional("category", TEXT),
            required("result", enumOf(SampleResult.class)), optional("failed_items", LIST)),
    PENALTIES("penalties", "case_id",
            required("case_id", TEXT), required("uscc", USCC), required("date", DATE),
            required("kind", enumOf(PenaltyKind.class)), optional("amount", MONEY), optional("violation", TEXT),
            optional("leniency", enumOf(Leniency.class))),
    COMPLAINTS("complaints", "complaint_id",
            required("complaint_id", TEXT), required("uscc", USCC), required("date", DATE),
            optional("channel", TEXT), optional("category", TEXT), optional("verified", BOOLEAN)),
    COURT_RECORDS("court_records", "record_id",
            required("record_id", TEXT), required("subject_id", TEXT),
            required("subject_type", enumOf(SubjectType.class)), required("date", DATE),
            required("kind", enumOf(CourtKind.class)), optional("role", enumOf(CourtRole.class)),
            optional("outcome", enumOf(CourtOutcome.class)), optional("cause", TEXT),
            optional("court_level", enumOf(CourtLevel.class)), optional("amount", MONEY),
            optional("status", enumOf(CourtStatus.class))),
    ALERTS("alerts", "alert_id",
            required("alert_id", TEXT), required("uscc", USCC), required("time", TIMESTAMP),
            required("kind", enumOf(AlertKind.class)), optional("source", TEXT),
            optional("status", enumOf(AlertStatus.class)), optional("disposed_at", TIMESTAMP));

    private final String baseName;
    private final String keyField;
    private final Map<String, Field> fields = new LinkedHashMap<>();

    CanonicalFile(String baseName, String keyField, Field... fields) {
        this.baseName = baseName;
        this.keyField = keyField;
        for (Field f : fields) this.fields.put(f.name(), f);
    }

    /** e.g. "enterprises"; the file is enterprises.csv or enterprises.jsonl. */
    public String baseName() { return baseName; }

    /** The field that identifies a row's node, or null for files that only hold relationships. */
    public String keyField() { return keyField; }

    public Optional<Field> field(String name) { return Optional.ofNullable(fields.get(name)); }

    public List<Field> fields() { return List.copyOf(fields.values()); }

    public List<String> requiredFields() {
        return fields.values().stream().filter(Field::required).map(Field::name).toList();
    }

    public static Optional<CanonicalFile> byBaseName(String baseName) {
        for (CanonicalFile f : values()) if (f.baseName.equals(baseName)) return Optional.of(f);
        return Optional.empty();
    }
}

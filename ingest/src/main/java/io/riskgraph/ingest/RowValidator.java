package io.riskgraph.ingest;

import io.riskgraph.model.EventKinds.SubjectType;
import io.riskgraph.model.LinkKind;
import io.riskgraph.model.Role;
import io.riskgraph.model.id.IdCheck;
import io.riskgraph.model.id.IdProtector;
import io.riskgraph.model.id.ProtectedId;
import io.riskgraph.model.id.ResidentId;
import io.riskgraph.model.id.Uscc;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks one raw row against its file's fields and the contract's rules. A row is either valid (perhaps with
 * warnings) or rejected with the first field at fault and a reason a clerk can act on. Never echoes a resident ID
 * number.
 */
public final class RowValidator {
    /** Property names ingest derives; an extra column of the same name is kept under "extra_" + name. */
    static final Set<String> DERIVED = Set.of("stub", "uscc_check_failed", "id_number_hash", "id_number_masked",
            "id_number_valid", "id", "code");
    private static final Pattern NOT_IDENTIFIER = Pattern.compile("[^a-z0-9_]");

    private final IdProtector ids;

    public RowValidator(IdProtector ids) {
        this.ids = ids;
    }

    /** The result: exactly one of valid and rejection is non-null. */
    public record Outcome(ValidRow valid, Issue rejection) {}

    public Outcome validate(CanonicalFile file, String fileName, RawRow raw) {
        if (raw.malformed() != null) return reject(fileName, raw.line(), "", raw.malformed());
        Map<String, Object> values = new HashMap<>();
        List<Issue> warnings = new ArrayList<>(0);
        // whether every USCC cell of the row passed its check character (each cell is checked once)
        boolean usccsValid = true;
        for (Field f : file.fields()) {
            String cell = raw.cells().get(f.name());
            if (cell == null) {
                if (f.required()) {
                    return reject(fileName, raw.line(), f.name(), "required field '" + f.name() + "' is empty");
                }
                values.put(f.name(), null);
                continue;
            }
            if (f.type() == FieldType.USCC) {
                // what FieldType.USCC.parse does, and the check character's warning, from one check
                IdCheck check = Uscc.check(cell);
                if (!check.usable()) return reject(fileName, raw.line(), f.name(), f.name() + ": " + check.message());
                values.put(f.name(), check.normalised());
                if (!check.isValid()) {
                    usccsValid = false;
                    warnings.add(warn(fileName, raw.line(), f.name(), check.message()
                            + "; kept, flagged uscc_check_failed"));
                }
                continue;
            }
            try {
                values.put(f.name(), f.type().parse(cell));
            } catch (FieldType.InvalidValue e) {
                return reject(fileName, raw.line(), f.name(), f.name() + ": " + e.getMessage());
            }
        }
        for (Map.Entry<String, String> e : raw.cells().entrySet()) {
            if (file.field(e.getKey()).isEmpty()) values.put(extraName(e.getKey()), e.getValue());
        }
        String problem = crossFieldProblem(file, values, fileName, raw.line(), warnings, usccsValid);
        if (problem != null) {
            int colon = problem.indexOf('|');
            return reject(fileName, raw.line(), problem.substring(0, colon), problem.substring(colon + 1));
        }
        return new Outcome(new ValidRow(raw.line(), values, warnings), null);
    }

    /** Rules across fields; returns "field|reason" for a rejection, or null. Adds warnings in place. */
    private String crossFieldProblem(CanonicalFile file, Map<String, Object> v, String fileName, long line,
                                     List<Issue> warnings, boolean usccsValid) {
        switch (file) {
            case ENTERPRISES -> {
                // uscc is the enterprises file's one USCC field, checked above (required, so present)
                v.put("uscc_check_failed", usccsValid ? null : true);
            }
            case PERSONS -> {
                String clear = (String) v.remove("id_number");
                if (clear != null) {
                    ProtectedId p = ids.protect(clear);
                    if (!p.valid()) {
                        warnings.add(warn(fileName, line, "id_number", ResidentId.check(clear).message()
                                + "; kept as hash and mask, flagged id_number_valid=false"));
                    }
                    v.put("id_number_hash", p.hash());
                    v.put("id_number_masked", p.masked());
                    v.put("id_number_valid", p.valid());
                } else {
                    v.put("id_number_hash", null);
                    v.put("id_number_masked", null);
                    v.put("id_number_valid", null);
                }
            }
            case ROLES -> {
                if (v.get("share") != null && !Role.SHAREHOLDER.name().equals(v.get("role"))) {
                    warnings.add(warn(fileName, line, "share", "share is only meaningful for SHAREHOLDER, not "
                            + v.get("role") + "; ignored"));
                    v.put("share", null);
                }
                return periodProblem(v);
            }
            case ENTERPRISE_LINKS -> {
                if (v.get("from_uscc").equals(v.get("to_uscc"))) {
                    return "to_uscc|from_uscc and to_uscc are the same enterprise";
                }
                if (v.get("share") != null && !LinkKind.INVESTS_IN.name().equals(v.get("kind"))) {
                    warnings.add(warn(fileName, line, "share", "share is only meaningful for INVESTS_IN, not "
                            + v.get("kind") + "; ignored"));
                    v.put("share", null);
                }
                return periodProblem(v);
            }
            case SAMPLES -> {
                if ("FAIL".equals(v.get("result")) && v.get("failed_items") == null) {
                    warnings.add(warn(fileName, line, "failed_items", "result is FAIL but no failed_items are given"));
                }
            }
            case COURT_RECORDS -> {
                if (SubjectType.ENTERPRISE.name().equals(v.get("subject_type"))) {
                    IdCheck check = Uscc.check((String) v.get("subject_id"));
                    if (!check.usable()) {
                        return "subject_id|subject_type is ENTERPRISE but subject_id is not a USCC: " + check.message();
                    }
                    v.put("subject_id", check.normalised());
                    if (!check.isValid()) warnings.add(warn(fileName, line, "subject_id", check.message()));
                }
            }
            default -> { }
        }
        return null;
    }

    private static String periodProblem(Map<String, Object> v) {
        if (v.get("since") instanceof LocalDate since && v.get("until") instanceof LocalDate until
                && until.isBefore(since)) {
            return "until|until " + until + " is before since " + since;
        }
        return null;
    }

    static String extraName(String column) {
        String name = NOT_IDENTIFIER.matcher(column.strip().toLowerCase(Locale.ROOT)).replaceAll("_");
        if (name.isEmpty() || !Character.isLetter(name.charAt(0))) name = "x_" + name;
        return DERIVED.contains(name) ? "extra_" + name : name;
    }

    private static Outcome reject(String file, long line, String field, String reason) {
        return new Outcome(null, new Issue(file, line, field, Issue.Severity.REJECTED, reason));
    }

    private static Issue warn(String file, long line, String field, String reason) {
        return new Issue(file, line, field, Issue.Severity.WARNING, reason);
    }
}

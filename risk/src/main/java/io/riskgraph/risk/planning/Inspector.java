package io.riskgraph.risk.planning;

import io.riskgraph.store.GraphStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An inspector as planning sees them: id, district, unit and the person behind them (null when not known, in which
 * case no personal tie can be checked).
 */
public record Inspector(String id, String district, String unit, String personId) {
    /** Units that handle only their speciality (a name part → the segments they inspect); other units inspect anything. */
    static final List<Speciality> SPECIALITIES = List.of(
            new Speciality("特种设备", Set.of("SPECIAL_EQUIPMENT_USE", "SPECIAL_EQUIPMENT_MAKING")),
            new Speciality("食品药品", Set.of("FOOD_PRODUCTION", "FOOD_SALES", "CATERING", "SPECIAL_FOOD", "DRUG_RETAIL",
                    "MEDICAL_DEVICE", "COSMETICS")));

    record Speciality(String unitNamePart, Set<String> segments) {}

    public Inspector {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("inspector id is required");
    }

    /** Whether this inspector's unit is one that inspects an enterprise of these segments in this district. */
    public boolean suits(String enterpriseDistrict, Set<String> segments) {
        if (district == null || !district.equals(enterpriseDistrict)) return false;
        if (unit == null) return true;
        for (Speciality s : SPECIALITIES) {
            if (unit.contains(s.unitNamePart())) return segments.stream().anyMatch(s.segments()::contains);
        }
        return true;
    }

    /** Every inspector in the store, by id. */
    public static List<Inspector> read(GraphStore store) {
        var rows = store.nodeProperties("Inspector", List.of("inspector_id", "district", "unit", "person_id"));
        List<Inspector> out = new ArrayList<>();
        for (Object[] r : rows.values()) {
            if (r[0] == null) continue;
            out.add(new Inspector(String.valueOf(r[0]), str(r[1]), str(r[2]), str(r[3])));
        }
        out.sort(java.util.Comparator.comparing(Inspector::id));
        return out;
    }

    private static String str(Object o) {
        return o == null || String.valueOf(o).isBlank() ? null : String.valueOf(o);
    }
}

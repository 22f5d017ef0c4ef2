package io.riskgraph.ingest.generator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A small, self-contained stand-in for the later risk model: reads a generated city, builds per-enterprise features
 * from the observable files only (never truth.csv except for the label), fits a logistic regression on one half and
 * reports ROC AUC on the other half, with and without network features.
 */
final class Learnability {
    record Result(double bayesAuc, double ownAuc, double networkAuc, double baseRate) {}

    static final int OWN = 30;

    static Result evaluate(Path dir) throws IOException {
        Map<String, Integer> idx = new HashMap<>();
        List<String> usccs = new ArrayList<>();
        read(dir.resolve("enterprises.csv"), r -> {
            idx.put(r.get("uscc"), usccs.size());
            usccs.add(r.get("uscc"));
        });
        int n = usccs.size();
        double[][] f = new double[n][OWN];
        LocalDate end = LocalDate.of(2026, 6, 30);
        String[] address = new String[n], phone = new String[n];
        read(dir.resolve("enterprises.csv"), r -> {
            int i = idx.get(r.get("uscc"));
            double[] x = f[i];
            x[0] = r.get("status").equals("ABNORMAL") ? 1 : 0;
            x[1] = r.get("status").equals("REVOKED") || r.get("status").equals("CANCELLED") ? 1 : 0;
            double age = (end.toEpochDay() - LocalDate.parse(r.get("established")).toEpochDay()) / 365.25;
            x[2] = Math.log1p(Math.max(0, age));
            x[3] = age < 1 ? 1 : 0;
            String cap = r.get("registered_capital");
            x[4] = cap.isEmpty() ? 0 : Math.log10(1 + Double.parseDouble(cap));
            String paid = r.get("paid_in_capital");
            x[5] = !paid.isEmpty() && Double.parseDouble(paid) == 0 ? 1 : 0;
            x[6] = r.get("type").equals("INDIVIDUAL_BUSINESS") ? 1 : 0;
            x[7] = r.get("type").equals("BRANCH") ? 1 : 0;
            String seg = r.get("segments");
            x[8] = seg.isEmpty() ? 1 : 0;
            x[9] = seg.contains("CATERING") ? 1 : 0;
            x[10] = seg.contains("FOOD_SALES") ? 1 : 0;
            x[11] = seg.contains("FOOD_PRODUCTION") || seg.contains("SPECIAL_FOOD") ? 1 : 0;
            x[12] = seg.contains("ONLINE_TRADING") ? 1 : 0;
            x[13] = seg.contains("SPECIAL_EQUIPMENT_USE") || seg.contains("TESTING") ? 1 : 0;
            x[14] = Math.log1p(Double.parseDouble(r.get("employees")));
            address[i] = r.get("address");
            phone[i] = r.get("phone");
        });
        double[] score = new double[n]; // observed trouble per enterprise, for neighbours
        read(dir.resolve("inspections.csv"), r -> {
            int i = idx.get(r.get("uscc"));
            f[i][15]++;
            if (r.get("result").equals("ISSUES_FOUND")) {
                f[i][16]++;
                f[i][17] += Integer.parseInt(r.get("issues"));
            }
        });
        read(dir.resolve("penalties.csv"), r -> {
            int i = idx.get(r.get("uscc"));
            if (r.get("kind").equals("CORRECTIVE_NOTICE")) f[i][18]++;
            else f[i][19]++;
        });
        read(dir.resolve("samples.csv"), r -> {
            int i = idx.get(r.get("uscc"));
            f[i][20]++;
            if (r.get("result").equals("FAIL")) f[i][21]++;
        });
        read(dir.resolve("complaints.csv"), r -> {
            int i = idx.get(r.get("uscc"));
            f[i][22]++;
            if (r.get("verified").equals("true")) f[i][23]++;
        });
        Map<String, Integer> personCourt = new HashMap<>();
        read(dir.resolve("court_records.csv"), r -> {
            if (r.get("subject_type").equals("PERSON")) {
                personCourt.merge(r.get("subject_id"), 1, Integer::sum);
                return;
            }
            int i = idx.get(r.get("subject_id"));
            f[i][24]++;
            if (r.get("kind").equals("DISHONEST_EXECUTEE")) f[i][25]++;
        });
        read(dir.resolve("alerts.csv"), r -> {
            int i = idx.get(r.get("uscc"));
            f[i][26]++;
            if (r.get("status").equals("OPEN")) f[i][27]++;
        });
        for (int i = 0; i < n; i++) {
            double[] x = f[i];
            x[28] = x[15] == 0 ? 0 : x[16] / x[15];
            x[29] = x[20] == 0 ? 0 : x[21] / x[20];
            for (int k = 15; k <= 27; k++) x[k] = Math.log1p(x[k]);
            score[i] = x[16] + x[19] + x[21] + x[23] + x[25] + 0.3 * x[26] + x[0];
        }
        // ------------- network -------------
        Map<String, List<Integer>> byPerson = new HashMap<>();
        Map<Integer, List<String>> personsOf = new HashMap<>();
        read(dir.resolve("roles.csv"), r -> {
            int i = idx.get(r.get("uscc"));
            byPerson.computeIfAbsent(r.get("person_id"), k -> new ArrayList<>()).add(i);
            personsOf.computeIfAbsent(i, k -> new ArrayList<>()).add(r.get("person_id"));
        });
        int[] parent = new int[n];
        Arrays.fill(parent, -1);
        List<List<Integer>> suppliers = new ArrayList<>();
        for (int i = 0; i < n; i++) suppliers.add(new ArrayList<>());
        read(dir.resolve("enterprise_links.csv"), r -> {
            int a = idx.get(r.get("from_uscc")), b = idx.get(r.get("to_uscc"));
            switch (r.get("kind")) {
                case "INVESTS_IN" -> { if (Double.parseDouble(r.get("share")) >= 0.5) parent[b] = a; }
                case "BRANCH_OF" -> parent[a] = b;
                case "SUPPLIES" -> suppliers.get(b).add(a);
                default -> { }
            }
        });
        double[] producerFail = new double[n];
        double[] producerCount = new double[n];
        read(dir.resolve("samples.csv"), r -> {
            String pu = r.get("producer_uscc");
            if (pu.isEmpty()) return;
            int q = idx.get(pu);
            producerCount[q]++;
            if (r.get("result").equals("FAIL")) producerFail[q]++;
        });
        Map<String, Integer> addrCount = new HashMap<>(), phoneCount = new HashMap<>();
        Map<String, Double> addrScore = new HashMap<>();
        for (int i = 0; i < n; i++) {
            addrCount.merge(address[i], 1, Integer::sum);
            addrScore.merge(address[i], score[i], Double::sum);
            if (!phone[i].isEmpty()) phoneCount.merge(phone[i], 1, Integer::sum);
        }
        int net = 9;
        double[][] g = new double[n][OWN + net];
        for (int i = 0; i < n; i++) {
            System.arraycopy(f[i], 0, g[i], 0, OWN);
            double[] x = g[i];
            double courtMax = 0, otherScore = 0, otherCount = 0, maxFirms = 0;
            for (String p : personsOf.getOrDefault(i, List.of())) {
                courtMax = Math.max(courtMax, personCourt.getOrDefault(p, 0));
                List<Integer> firms = byPerson.get(p);
                maxFirms = Math.max(maxFirms, firms.size());
                for (int j : firms) {
                    if (j == i) continue;
                    otherScore += score[j];
                    otherCount++;
                }
            }
            x[OWN] = Math.log1p(courtMax);
            x[OWN + 1] = otherCount == 0 ? 0 : otherScore / otherCount;
            x[OWN + 2] = Math.log1p(maxFirms);
            x[OWN + 3] = parent[i] >= 0 ? score[parent[i]] : 0;
            x[OWN + 4] = parent[i] >= 0 ? 1 : 0;
            double sf = 0;
            for (int s : suppliers.get(i)) sf += producerCount[s] == 0 ? 0 : producerFail[s] / producerCount[s];
            x[OWN + 5] = suppliers.get(i).isEmpty() ? 0 : sf / suppliers.get(i).size();
            int ac = addrCount.get(address[i]);
            x[OWN + 6] = Math.log(ac);
            x[OWN + 7] = ac > 1 ? (addrScore.get(address[i]) - score[i]) / (ac - 1) : 0;
            x[OWN + 8] = phone[i].isEmpty() ? 0 : Math.log(phoneCount.get(phone[i]));
        }
        double[] y = new double[n], latent = new double[n];
        read(dir.resolve("truth.csv"), r -> {
            int i = idx.get(r.get("uscc"));
            y[i] = Boolean.parseBoolean(r.get("violation_next_half_year")) ? 1 : 0;
            latent[i] = Double.parseDouble(r.get("latent_risk"));
        });
        boolean[] train = new boolean[n];
        for (int i = 0; i < n; i++) train[i] = (Integer.hashCode(i * 0x9E3779B9) & 1) == 0;
        double ownAuc = fitAndScore(f, y, train);
        double netAuc = fitAndScore(g, y, train);
        double bayes = auc(latent, y, train, false);
        double rate = Arrays.stream(y).sum() / n;
        return new Result(bayes, ownAuc, netAuc, rate);
    }

    static double fitAndScore(double[][] x, double[] y, boolean[] train) {
        int n = x.length, d = x[0].length;
        double[] mean = new double[d], sd = new double[d];
        for (double[] row : x) for (int k = 0; k < d; k++) mean[k] += row[k] / n;
        for (double[] row : x) for (int k = 0; k < d; k++) sd[k] += (row[k] - mean[k]) * (row[k] - mean[k]) / n;
        for (int k = 0; k < d; k++) sd[k] = Math.sqrt(sd[k]) + 1e-9;
        double[][] z = new double[n][d];
        for (int i = 0; i < n; i++) for (int k = 0; k < d; k++) z[i][k] = (x[i][k] - mean[k]) / sd[k];
        double[] w = new double[d];
        double b = 0, lr = 0.5, l2 = 1e-4;
        int m = 0;
        for (boolean t : train) if (t) m++;
        for (int it = 0; it < 400; it++) {
            double[] gw = new double[d];
            double gb = 0;
            for (int i = 0; i < n; i++) {
                if (!train[i]) continue;
                double s = b;
                for (int k = 0; k < d; k++) s += w[k] * z[i][k];
                double e = 1 / (1 + Math.exp(-s)) - y[i];
                gb += e;
                for (int k = 0; k < d; k++) gw[k] += e * z[i][k];
            }
            b -= lr * gb / m;
            for (int k = 0; k < d; k++) w[k] -= lr * (gw[k] / m + l2 * w[k]);
        }
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = b;
            for (int k = 0; k < d; k++) s[i] += w[k] * z[i][k];
        }
        return auc(s, y, train, false);
    }

    /** ROC AUC over the rows where train[i] == onTrain (Mann-Whitney with ties). */
    static double auc(double[] s, double[] y, boolean[] train, boolean onTrain) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < s.length; i++) if (train[i] == onTrain) rows.add(i);
        rows.sort((a, b) -> Double.compare(s[a], s[b]));
        double rankSumPos = 0, pos = 0, neg = 0;
        int k = 0;
        while (k < rows.size()) {
            int j = k;
            while (j + 1 < rows.size() && s[rows.get(j + 1)] == s[rows.get(k)]) j++;
            double rank = (k + j) / 2.0 + 1;
            for (int t = k; t <= j; t++) {
                if (y[rows.get(t)] == 1) {
                    rankSumPos += rank;
                    pos++;
                } else neg++;
            }
            k = j + 1;
        }
        return (rankSumPos - pos * (pos + 1) / 2) / (pos * neg);
    }

    static void read(Path file, Consumer<CSVRecord> each) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            for (CSVRecord rec : p) each.accept(rec);
        }
    }

    public static void main(String[] args) throws IOException {
        System.out.println(evaluate(Path.of(args[0])));
    }
}

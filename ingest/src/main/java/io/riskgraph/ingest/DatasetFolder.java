package io.riskgraph.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The canonical files found in a dataset folder, checked before anything is written. */
public record DatasetFolder(Path dir, Map<CanonicalFile, Path> files, List<String> ignored) {

    public static DatasetFolder scan(Path dir) {
        if (!Files.isDirectory(dir)) throw new IngestInputException(dir + " is not a folder");
        Map<CanonicalFile, Path> files = new EnumMap<>(CanonicalFile.class);
        List<String> ignored = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(".")) continue; // hidden files are not data
                int dot = name.lastIndexOf('.');
                String ext = dot < 0 ? "" : name.substring(dot + 1);
                var file = dot < 0 ? java.util.Optional.<CanonicalFile>empty()
                        : CanonicalFile.byBaseName(name.substring(0, dot));
                if (file.isEmpty() || !(ext.equals("csv") || ext.equals("jsonl")) || !Files.isRegularFile(p)) {
                    ignored.add(name);
                    continue;
                }
                Path previous = files.put(file.get(), p);
                if (previous != null) {
                    problems.add("both " + previous.getFileName() + " and " + name + " exist; keep one");
                }
            }
        } catch (IOException e) {
            throw new IngestInputException("cannot list " + dir + ": " + e.getMessage());
        }
        if (!files.containsKey(CanonicalFile.ENTERPRISES)) {
            problems.add("no enterprises.csv or enterprises.jsonl (the one file every dataset must have)");
        }
        for (Map.Entry<CanonicalFile, Path> e : files.entrySet()) {
            checkHeader(e.getKey(), e.getValue(), problems);
        }
        if (!problems.isEmpty()) {
            throw new IngestInputException(dir + ": " + String.join("; ", problems) + ". Nothing was loaded.");
        }
        return new DatasetFolder(dir, files, ignored);
    }

    private static void checkHeader(CanonicalFile file, Path path, List<String> problems) {
        try (RowReader reader = RowReader.open(path)) {
            List<String> header = reader.header();
            if (header == null) return; // JSONL: checked row by row
            List<String> missing = file.requiredFields().stream().filter(f -> !header.contains(f)).toList();
            if (!missing.isEmpty()) {
                problems.add(path.getFileName() + " lacks required column" + (missing.size() > 1 ? "s " : " ")
                        + String.join(", ", missing) + " (header: " + String.join(",", header) + ")");
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            problems.add(path.getFileName() + " is not UTF-8 (if it was exported as GBK, convert it first:"
                    + " iconv -f GBK -t UTF-8)");
        } catch (IOException | RuntimeException e) {
            problems.add(path.getFileName() + " cannot be read: " + e.getMessage());
        }
    }
}

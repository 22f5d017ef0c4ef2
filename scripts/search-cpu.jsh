// CPU time per search query (thread CPU, so other load on the machine does not count), on a copy of a server's index:
//   cp -r STORE/search-index /tmp/idx && rm -f /tmp/idx/write.lock
//   INDEX=/tmp/idx TERMS=target/api-bench/search-terms.txt \
//     /usr/lib/jvm/temurin-25-jdk-amd64/bin/jshell --class-path "api/target/classes:$(ls api/target/lib/*.jar | tr '\n' ':')" scripts/search-cpu.jsh
var idx = new io.riskgraph.api.SearchIndex(java.nio.file.Path.of(System.getenv("INDEX")));
var terms = java.nio.file.Files.readAllLines(java.nio.file.Path.of(System.getenv("TERMS")));
var mx = java.lang.management.ManagementFactory.getThreadMXBean();
for (int w = 0; w < 3; w++) for (String t : terms) idx.search(t, 20);
var times = new java.util.ArrayList<long[]>();
for (int i = 0; i < terms.size(); i++) { long t0 = mx.getCurrentThreadCpuTime(); idx.search(terms.get(i), 20); times.add(new long[]{mx.getCurrentThreadCpuTime() - t0, i}); }
times.sort((a, b) -> Long.compare(a[0], b[0]));
System.out.println("CPU per query over " + times.size() + " terms: median us " + times.get(times.size()/2)[0]/1000 + " p90 " + times.get(times.size()*9/10)[0]/1000 + " p99 " + times.get(times.size()*99/100)[0]/1000 + " mean " + times.stream().mapToLong(a -> a[0]).sum()/times.size()/1000);
for (int i = times.size() - 5; i < times.size(); i++) System.out.println(times.get(i)[0]/1000 + " us  " + terms.get((int) times.get(i)[1]));
/exit

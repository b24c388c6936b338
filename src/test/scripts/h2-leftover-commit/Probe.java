import java.sql.*;
import java.util.*;
import org.h2.mvstore.*;
/** Usage: java [-Drepair=1] Probe PATH KILLS SETTINGS. Kills the writer K times; before each reopening lists undo logs left in the file; then counts half-done pairs. */
public class Probe {
  /** Reads no value: only the undo logs' keys are needed (the last one tells whether the commit marker is there). */
  static final class Skip extends org.h2.mvstore.type.BasicDataType<Object> {
    public int getMemory(Object o) { return 0; }
    public void write(org.h2.mvstore.WriteBuffer b, Object o) { throw new UnsupportedOperationException(); }
    public Object read(java.nio.ByteBuffer b) { return null; }
    public Object[] createStorage(int n) { return new Object[n]; }
    public void read(java.nio.ByteBuffer b, Object storage, int len) { }
  }
  public static void main(String[] x) throws Exception {
    String path = x[0]; int kills = Integer.parseInt(x[1]); String settings = x.length > 2 ? x[2] : "WRITE_DELAY=0";
    String url = "jdbc:h2:file:" + path + ";" + settings;
    try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS a (id BIGINT PRIMARY KEY, v VARCHAR(20))");
      s.execute("CREATE TABLE IF NOT EXISTS b (id BIGINT PRIMARY KEY, v VARCHAR(20))"); s.execute("CREATE UNIQUE INDEX IF NOT EXISTS a_v ON a(v)"); s.execute("CREATE UNIQUE INDEX IF NOT EXISTS b_v ON b(v)"); s.execute("CREATE INDEX IF NOT EXISTS a_vi ON a(v, id)"); s.execute("CREATE INDEX IF NOT EXISTS b_vi ON b(v, id)");
    }
    Random rnd = new Random();
    int halfKills = 0, leftoverKills = 0, both = 0; long acked = 0, lost = 0;
    for (int k = 0; k < kills; k++) {
      long first = (long) k * 10_000_000L;
      Process p = new ProcessBuilder(System.getProperty("java.home") + "/bin/java", "-XX:TieredStopAtLevel=1", "-cp",
          System.getProperty("java.class.path"), "Writer", url, Long.toString(first)).redirectErrorStream(true).start();
      Set<Long> ack = Collections.synchronizedSet(new HashSet<>());
      Thread r = new Thread(() -> { try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()))) {
        for (String l = in.readLine(); l != null; l = in.readLine()) if (l.startsWith("ACK ")) ack.add(Long.parseLong(l.substring(4))); } catch (Exception e) { } });
      r.start();
      while (ack.size() < 50 && p.isAlive()) Thread.sleep(20);
      Thread.sleep(100 + rnd.nextInt(900));
      p.destroyForcibly(); p.waitFor(); r.join(5000);
      acked += ack.size();
      // the file as the kill left it: undo logs (transactions that had written something when the chunk was written)
      List<String> undo = new ArrayList<>();
      try (MVStore st = new MVStore.Builder().fileName(path + ".mv.db").readOnly().open()) {
        for (String name : st.getMapNames()) {
          if (name.startsWith("undoLog")) {
            MVMap<Long, Object> m = st.openMap(name, new MVMap.Builder<Long, Object>()
                .keyType(org.h2.mvstore.type.LongDataType.INSTANCE).valueType(new Skip()));
            if (m.sizeAsLong() > 0) {
              long last = (Long) m.lastKey();
              boolean committed = (last & 0xFFFFFFFFFFL) == 0xFFFFFFFFFFL;
              undo.add((committed ? "COMMITTED " : "open ") + name + "(" + m.sizeAsLong() + " records)");
            }
          }
        }
      }
      boolean leftover = undo.stream().anyMatch(n -> n.startsWith("COMMITTED"));
      if (System.getProperty("repair") != null) {
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) { s.execute("SHUTDOWN DEFRAG"); }
      }
      Set<Long> as = new HashSet<>(), bs = new HashSet<>();
      try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
        try (ResultSet rs = s.executeQuery("SELECT id FROM a WHERE id >= " + first)) { while (rs.next()) as.add(rs.getLong(1)); }
        try (ResultSet rs = s.executeQuery("SELECT id FROM b WHERE id >= " + first)) { while (rs.next()) bs.add(rs.getLong(1)); }
      }
      Set<Long> odd = new TreeSet<>(as); odd.addAll(bs); Set<Long> common = new HashSet<>(as); common.retainAll(bs); odd.removeAll(common);
      for (long n : ack) if (!common.contains(n)) lost++;
      if (!odd.isEmpty()) halfKills++;
      if (leftover) leftoverKills++;
      if (!odd.isEmpty() && leftover) both++;
      if (!odd.isEmpty() || leftover) System.out.println("kill " + k + ": acked " + ack.size() + ", half-done " + odd + " (in a: " + as.containsAll(odd) + "), undo logs in the file: " + undo);
    }
    System.out.println("kills " + kills + ", acknowledged " + acked + ", lost " + lost + ", kills with half-done " + halfKills + ", kills with undo logs left " + leftoverKills + ", both " + both);
  }
}

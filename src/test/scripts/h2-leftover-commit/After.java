import java.sql.*;
/** Usage: java After SETTINGS PATH ID -- reads row ID of tables a and b, then writes row ID of b again (20 s watchdog). */
public class After {
  static String ID;
  static void show(String url, String when) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
      ResultSet rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM a WHERE id = " + ID + "), (SELECT COUNT(*) FROM b WHERE id = " + ID + ")");
      rs.next(); System.out.println(when + ": row in a " + rs.getLong(1) + ", row in b " + rs.getLong(2));
    }
  }
  public static void main(String[] x) throws Exception {
    ID = x[2];
    String url = "jdbc:h2:file:" + x[1] + ";" + x[0];
    show(url, "opened");
    Thread t = new Thread(() -> {
      try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
        long t0 = System.nanoTime();
        try { s.executeUpdate("INSERT INTO b VALUES (" + ID + ", 'again')"); System.out.println("insert of the same key into b: done"); }
        catch (SQLException e) { System.out.println("insert of the same key into b: " + e.getMessage().split("\n")[0] + " after " + (System.nanoTime() - t0) / 1000000 + " ms"); }
      } catch (Exception e) { System.out.println("insert: " + e); }
    });
    t.setDaemon(true); t.start(); t.join(20000);
    if (t.isAlive()) { System.out.println("insert of the same key into b: still running after 20 s (" + t.getState() + ")"); Runtime.getRuntime().halt(3); }
    show(url, "second look");
  }
}

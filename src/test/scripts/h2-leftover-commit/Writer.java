import java.sql.*;
import java.util.concurrent.atomic.AtomicLong;
/** 8 threads: each transaction inserts row n into table a and row n into table b, commits, prints ACK n. */
public class Writer {
  public static void main(String[] x) throws Exception {
    String url = x[0]; AtomicLong next = new AtomicLong(Long.parseLong(x[1]));
    java.io.PrintStream out = new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false);
    for (int i = 0; i < 8; i++) {
      Connection c = DriverManager.getConnection(url, "sa", ""); c.setAutoCommit(false);
      new Thread(() -> { try (PreparedStatement a = c.prepareStatement("INSERT INTO a VALUES (?, ?)");
                               PreparedStatement b = c.prepareStatement("INSERT INTO b VALUES (?, ?)")) {
          for (;;) { long n = next.getAndIncrement(); a.setLong(1, n); a.setString(2, "a" + n); a.executeUpdate();
            b.setLong(1, n); b.setString(2, "b" + n); b.executeUpdate(); c.commit();
            synchronized (out) { out.println("ACK " + n); out.flush(); } }
        } catch (Exception e) { synchronized (out) { out.println("ERROR " + e); out.flush(); } } }).start();
    }
    synchronized (out) { out.println("READY"); out.flush(); }
  }
}

package org.civicloop.tools;

import java.io.PrintStream;
import java.util.Arrays;
import org.civicloop.audit.chain.VerifyAuditCommand;
import org.civicloop.audit.chain.VerifyBallotsCommand;
import org.civicloop.audit.chain.VerifyReceiptCommand;
import org.civicloop.jury.selection.cli.SelectCommand;
import org.civicloop.voting.count.cli.CountCommand;

/** Entry point of target/civicloop-tools.jar: offline counting, selection and audit verification. */
public final class CivicLoopTools {

    private CivicLoopTools() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
            out.println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "count" -> CountCommand.run(rest, out, err);
            case "select" -> SelectCommand.run(rest, out, err);
            case "verify-audit" -> VerifyAuditCommand.run(rest, out, err);
            case "verify-ballots" -> VerifyBallotsCommand.run(rest, out, err);
            case "verify-receipt" -> VerifyReceiptCommand.run(rest, out, err);
            default -> {
                err.println("Unknown command '" + args[0] + "'.");
                err.println(USAGE);
                yield 2;
            }
        };
    }

    static final String USAGE = """
            Usage: java -jar civicloop-tools.jar COMMAND [OPTIONS]
            Commands:
              count --rule RULE [--seats K] FILE
              select --categories C.csv --respondents R.csv --panel K --seed S [--method leximin|maximin|legacy]
                     [--id-column id] [--address-columns A,B] [--probabilities FILE] [--work-limit N]
                     [--tolerance T]
              verify-audit (--jdbc URL [--user U] [--password P] | --entries FILE.jsonl)
                     [--checkpoint FILE ... --key PUBLIC-KEY-BASE64]
              verify-ballots --ballots FILE.pb --root HEX
              verify-receipt --proof FILE.json --root HEX""";
}

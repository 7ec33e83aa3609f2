/**
 * `tsx test/read/walk-child.ts <root>`: prints `findArticleFiles(root)` as JSON. The unreadable-folder test runs
 * it as an unprivileged user when the tests run as root (CI does), because root can read a folder of mode 000.
 */
import { findArticleFiles } from '../../scripts/read/index.ts';

process.stdout.write(JSON.stringify(await findArticleFiles(process.argv[2]!)));

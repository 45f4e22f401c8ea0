import type { Connector } from '../connector/model.ts';
import type { CertificationPackage } from '../package/model.ts';
import { type Diagnostic, NO_PLACE, summarize } from './diagnostic.ts';
import { type ActiveRule, INTERNAL, type ValidationResult } from './engine.ts';
import { packagedConnectorFindings } from './package-connector.ts';
import type { PackageReport } from './rule.ts';
import { rulesFor, type ValidateOptions } from './validate.ts';

/**
 * Checks a certification package (the zip submitted to Partner Center) with the rules of category
 * `package` (its layout as ConnectorPackageValidator checks it, every mismatch reported) and the
 * icon and brand-colour rules on the connector it carries. The preset defaults to `certification`. Never throws: a failing rule becomes an `internal-error` finding.
 *
 * @example
 * const pkg = certificationPackageOf('submission.zip', readFileSync('submission.zip'));
 * if (pkg) validatePackage(pkg).summary.error; // 0 for a package Partner Center takes
 */
export function validatePackage(
  pkg: CertificationPackage,
  options: ValidateOptions & {
    /** The connector folder the package was built from: the packaged connector is compared with it. */
    readonly source?: Connector;
  } = {},
): ValidationResult {
  const preset = options.preset ?? options.config?.preset ?? 'certification';
  const diagnostics: Diagnostic[] = [];
  const rules = rulesFor(preset, options.config);
  for (const active of rules) {
    const visit = active.rule.visit.certificationPackage;
    if (!visit) continue;
    const ctx = {
      report: (report: PackageReport) => diagnostics.push(diagnostic(pkg, active, report)),
      ...(options.source && { source: options.source }),
    };
    try {
      visit(pkg, ctx);
    } catch (error) {
      diagnostics.push(
        diagnostic(
          pkg,
          { rule: INTERNAL, severity: 'error' },
          {
            message: `Rule \`${active.rule.id}\` failed on this package (${String(error)}); please report it.`,
          },
        ),
      );
    }
  }
  diagnostics.push(...packagedConnectorFindings(pkg, rules, preset));
  return { source: pkg.source, subject: 'package', preset, diagnostics, summary: summarize(diagnostics) };
}

function diagnostic(pkg: CertificationPackage, active: ActiveRule, report: PackageReport): Diagnostic {
  return {
    ruleId: active.rule.id,
    microsoftId: active.rule.microsoftId,
    category: active.rule.category,
    severity: active.severity,
    message: report.message,
    fix: report.fix ?? active.rule.fix,
    file: pkg.source,
    ...NO_PLACE,
  };
}

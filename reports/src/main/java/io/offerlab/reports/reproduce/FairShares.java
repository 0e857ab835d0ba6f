package io.offerlab.reports.reproduce;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Fractional allocations computed, not simulated, for users that each run tasks of one shape (Leontief demands) on
 * pooled capacities, as in the DRF paper (Ghodsi et al., "Dominant Resource Fairness: Fair Allocation of Multiple
 * Resource Types", NSDI 2011, sections 2-4):
 * <ul>
 *   <li>{@link #progressiveFilling}: raise every unfrozen user's tasks so that tasks x per-task cost stays equal; a
 *       user freezes when a resource it uses runs out. With the dominant share per task as cost this is DRF, with the
 *       sum of shares it is asset fairness, with whole slots per task it is slot fair sharing;</li>
 *   <li>{@link #ceei}: the competitive equilibrium from equal incomes, which for Leontief users is the solution of the
 *       Eisenberg-Gale program: maximise the sum of log(tasks_i) subject to the capacities. It is solved with a
 *       log-barrier interior-point method (Boyd and Vandenberghe, Convex Optimization, section 11.3): Newton steps on
 *       sum log x_i + mu sum_r log(slack_r), their n x n systems solved by Commons Math's Cholesky decomposition, with a
 *       backtracking line search that keeps every slack positive, mu divided by 10 per outer step, until the duality
 *       gap bound m x mu falls below {@value #GAP} (so each log-utility is within 1e-12 of the optimum).</li>
 * </ul>
 */
public final class FairShares {
  /** The duality gap at which the CEEI solver stops. */
  public static final double GAP = 1e-12;

  private FairShares() {}

  /**
   * Returns each user's (fractional) tasks under progressive filling.
   *
   * @param demand demand[i][r]: what one task of user i needs of resource r
   * @param capacity capacity[r]
   * @param cost cost[i]: what one task of user i adds to its share (dominant share, asset share, slots)
   */
  public static double[] progressiveFilling(double[][] demand, double[] capacity, double[] cost) {
    int n = demand.length;
    int m = capacity.length;
    double[] x = new double[n];
    boolean[] frozen = new boolean[n];
    double[] left = capacity.clone();
    double level = 0;
    for (int round = 0; round < n; round++) {
      // Raising the level by d adds d / cost[i] tasks to each unfrozen user i.
      double step = Double.POSITIVE_INFINITY;
      for (int r = 0; r < m; r++) {
        double rate = 0;
        for (int i = 0; i < n; i++) {
          if (!frozen[i]) {
            rate += demand[i][r] / cost[i];
          }
        }
        if (rate > 0) {
          step = Math.min(step, left[r] / rate);
        }
      }
      if (Double.isInfinite(step)) {
        break;
      }
      level += step;
      for (int i = 0; i < n; i++) {
        if (!frozen[i]) {
          double add = step / cost[i];
          x[i] += add;
          for (int r = 0; r < m; r++) {
            left[r] -= add * demand[i][r];
          }
        }
      }
      boolean any = false;
      for (int r = 0; r < m; r++) {
        if (left[r] <= 1e-12 * capacity[r]) {
          left[r] = 0;
          for (int i = 0; i < n; i++) {
            if (!frozen[i] && demand[i][r] > 0) {
              frozen[i] = true;
              any = true;
            }
          }
        }
      }
      if (!any || allFrozen(frozen)) {
        break;
      }
    }
    return x;
  }

  private static boolean allFrozen(boolean[] frozen) {
    for (boolean f : frozen) {
      if (!f) {
        return false;
      }
    }
    return true;
  }

  /** Returns the DRF allocation: progressive filling on dominant shares. */
  public static double[] drf(double[][] demand, double[] capacity) {
    double[] cost = new double[demand.length];
    for (int i = 0; i < demand.length; i++) {
      for (int r = 0; r < capacity.length; r++) {
        cost[i] = Math.max(cost[i], demand[i][r] / capacity[r]);
      }
    }
    return progressiveFilling(demand, capacity, cost);
  }

  /** Returns the asset-fairness allocation: progressive filling on the sum of shares (DRF paper, section 2). */
  public static double[] asset(double[][] demand, double[] capacity) {
    double[] cost = new double[demand.length];
    for (int i = 0; i < demand.length; i++) {
      for (int r = 0; r < capacity.length; r++) {
        cost[i] += demand[i][r] / capacity[r];
      }
    }
    return progressiveFilling(demand, capacity, cost);
  }

  /**
   * Returns slot fair sharing's allocation as Offerlab's {@code slots} allocator and simulator run it
   * (docs/allocators.md): a task of user i uses k_i = ceil(max over the slot's kinds of demand_r / slot_r) whole slots
   * and so takes k_i x slot_r of each kind the slot names (its own demand of the others); clients are ordered by slots
   * held. So it is progressive filling with cost k_i per task on those rounded demands.
   */
  public static double[] slots(double[][] demand, double[] capacity, double[] slot) {
    double[] cost = new double[demand.length];
    double[][] taken = new double[demand.length][];
    for (int i = 0; i < demand.length; i++) {
      double k = 0;
      for (int r = 0; r < slot.length; r++) {
        k = Math.max(k, Math.ceil(demand[i][r] / slot[r]));
      }
      cost[i] = k;
      taken[i] = demand[i].clone();
      for (int r = 0; r < slot.length; r++) {
        taken[i][r] = k * slot[r];
      }
    }
    return progressiveFilling(taken, capacity, cost);
  }

  /** Returns the CEEI allocation: the maximiser of sum log(x_i) subject to sum_i x_i demand[i][r] &lt;= capacity[r]. */
  public static double[] ceei(double[][] demand, double[] capacity) {
    int n = demand.length;
    int m = capacity.length;
    // A strictly feasible start: the same small number of tasks for everyone.
    double scale = Double.POSITIVE_INFINITY;
    for (int r = 0; r < m; r++) {
      double sum = 0;
      for (double[] d : demand) {
        sum += d[r];
      }
      if (sum > 0) {
        scale = Math.min(scale, capacity[r] / sum);
      }
    }
    double[] x = new double[n];
    Arrays.fill(x, scale / 2);
    double mu = 1;
    while (m * mu > GAP) {
      for (int iter = 0; iter < 200; iter++) {
        double[] slack = slack(demand, capacity, x);
        RealVector grad = new ArrayRealVector(n);
        RealMatrix hess = new Array2DRowRealMatrix(n, n);
        for (int i = 0; i < n; i++) {
          double g = 1 / x[i];
          for (int r = 0; r < m; r++) {
            g -= mu * demand[i][r] / slack[r];
          }
          grad.setEntry(i, g);
          for (int j = 0; j < n; j++) {
            double h = i == j ? 1 / (x[i] * x[i]) : 0;
            for (int r = 0; r < m; r++) {
              h += mu * demand[i][r] * demand[j][r] / (slack[r] * slack[r]);
            }
            hess.setEntry(i, j, h);
          }
        }
        // Newton direction for the concave objective: H dx = grad with H the negated Hessian (positive definite).
        RealVector dx = new CholeskyDecomposition(hess).getSolver().solve(grad);
        double decrement = grad.dotProduct(dx);
        if (decrement / 2 <= 1e-14) {
          break;
        }
        double t = 1;
        double f0 = barrier(x, slack, mu);
        while (true) {
          double[] next = new double[n];
          boolean ok = true;
          for (int i = 0; i < n; i++) {
            next[i] = x[i] + t * dx.getEntry(i);
            ok &= next[i] > 0;
          }
          double[] s = ok ? slack(demand, capacity, next) : null;
          if (ok) {
            for (double v : s) {
              ok &= v > 0;
            }
          }
          if (ok && barrier(next, s, mu) >= f0 + 0.25 * t * decrement) {
            x = next;
            break;
          }
          t /= 2;
          if (t < 1e-20) {
            break;
          }
        }
      }
      mu /= 10;
    }
    return x;
  }

  private static double[] slack(double[][] demand, double[] capacity, double[] x) {
    double[] s = capacity.clone();
    for (int i = 0; i < x.length; i++) {
      for (int r = 0; r < s.length; r++) {
        s[r] -= x[i] * demand[i][r];
      }
    }
    return s;
  }

  private static double barrier(double[] x, double[] slack, double mu) {
    double f = 0;
    for (double v : x) {
      f += Math.log(v);
    }
    for (double s : slack) {
      f += mu * Math.log(s);
    }
    return f;
  }
}

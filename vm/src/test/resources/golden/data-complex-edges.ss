;; oracle: gsi
;; Complex edges: an exact 0 to a complex power (0 when the power's real part is positive, else
;; an error), and tan far from the real axis (i times the sign of the imaginary part, not NaN).
(for-each (lambda (s)
            (write s) (display " ")
            (write (call-with-current-continuation
                    (lambda (k) (with-exception-handler (lambda (e) (k 'error)) (lambda () (eval s))))))
            (newline))
 '((expt 0 1+i) (expt 0 2+i) (expt 0 1.5+i) (expt 0 0.+i) (expt 0 -1+i) (expt 0 +i) (expt 0 1/2+i)
   (expt 0 1.+0.i) (expt 0. 1+i) (tan 1e-3+1e3i) (tan 1+400i) (tan 1-400i) (tan -1+360i) (tan 1+356i)
   (tan +inf.0i)))

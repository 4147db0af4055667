"""Writes gan-djl's input-gradient TorchScript module (a few hundred bytes of TorchScript source).

DJL's PyTorch JNI exposes Tensor.backward() but not torch.autograd.grad(). backward(create_graph=True)
stores a gradient that carries its own graph in the leaves' .grad, which ties each leaf and its
gradient into a reference cycle (PyTorch's documented leak) and adds d(sum D)/dθ to the
discriminator's gradients. torch.autograd.grad returns the input gradient without touching any .grad,
so this module is all gan4j needs from TorchScript. Run with Debian's python3-torch:

    /usr/bin/python3 tools/make-input-gradient-module.py \
        gan-djl/src/main/resources/dev/gan4j/djl/input-gradient.pt
"""
import sys
from typing import List, Optional

import torch


class InputGradient(torch.nn.Module):
    def forward(self, output: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
        # d(sum of output)/dx, itself differentiable (create_graph) so that a penalty on it trains D.
        grads = torch.autograd.grad([output.sum()], [x], retain_graph=True, create_graph=True)
        g = grads[0]
        assert g is not None
        return g


torch.jit.script(InputGradient()).save(sys.argv[1])

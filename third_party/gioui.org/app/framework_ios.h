// SPDX-License-Identifier: Unlicense OR MIT

#include <UIKit/UIKit.h>

@interface GioViewController : UIViewController
@end
